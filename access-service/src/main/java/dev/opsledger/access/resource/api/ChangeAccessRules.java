package dev.opsledger.access.resource.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** New rules for future requests; requests and grants under way keep the rules they started with. */
public record ChangeAccessRules(@TargetAggregateIdentifier String resourceId, AccessRules rules, Actor admin) {
}
