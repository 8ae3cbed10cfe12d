package dev.opsledger.access.resource.api;

import dev.opsledger.platform.actor.Actor;

/** Declares something access can be given to; admins only. */
public record RegisterResource(String resourceId, String name, String description, String owningTeam,
                               AccessTarget target, AccessRules rules, Actor admin) {
}
