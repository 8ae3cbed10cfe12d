package dev.opsledger.access.resource.api;

import dev.opsledger.platform.actor.Actor;

/** New rules for future requests; requests and grants under way keep the rules they started with. */
public record ChangeAccessRules(String resourceId, AccessRules rules, Actor admin) {
}
