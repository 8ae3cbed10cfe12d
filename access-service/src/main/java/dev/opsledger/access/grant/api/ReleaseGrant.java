package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;

/** The grantee gives access back before it expires. */
public record ReleaseGrant(String grantId, Actor grantee) {
}
