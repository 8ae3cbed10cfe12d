package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester withdraws a request that is still awaiting approval. */
public record CancelAccessRequest(@TargetAggregateIdentifier String requestId, Actor cancelledBy) {
}
