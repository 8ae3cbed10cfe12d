package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;

public record RevokeGrant(String grantId, Actor revokedBy, String reason) {
}
