package dev.opsledger.access.grant.command;

import dev.opsledger.access.grant.api.GrantStatus;

/** What an extension request needs to know of the grant it extends. */
public record GrantSnapshot(String grantId, String resourceId, String userId, GrantStatus status) {
}
