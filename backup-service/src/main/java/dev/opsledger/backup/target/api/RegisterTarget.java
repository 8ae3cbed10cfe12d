package dev.opsledger.backup.target.api;

import dev.opsledger.platform.actor.Actor;

/** Declares something to protect; it may stay without a policy (the report then calls it unprotected). */
public record RegisterTarget(String targetId, String name, TargetLocation location, Actor registeredBy) {
}
