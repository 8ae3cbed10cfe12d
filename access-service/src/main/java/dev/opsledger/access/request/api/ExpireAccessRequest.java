package dev.opsledger.access.request.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the decision-deadline saga when nobody decided in time. */
public record ExpireAccessRequest(@TargetAggregateIdentifier String requestId) {
}
