package dev.opsledger.access.grant.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga when nobody reviewed break-glass access by its deadline. */
public record MarkBreakGlassReviewOverdue(@TargetAggregateIdentifier String grantId) {
}
