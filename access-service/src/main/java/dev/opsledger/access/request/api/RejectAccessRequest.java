package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectAccessRequest(@TargetAggregateIdentifier String requestId, Actor approver, String reason) {
}
