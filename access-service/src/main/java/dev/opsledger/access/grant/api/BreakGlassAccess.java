package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;

/** Takes immediate, short access without approval; reviewed afterwards. */
public record BreakGlassAccess(String grantId, String resourceId, String justification, Actor taker) {
}
