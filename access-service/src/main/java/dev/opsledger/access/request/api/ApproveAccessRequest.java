package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveAccessRequest(@TargetAggregateIdentifier String requestId, Actor approver, String comment) {
}
