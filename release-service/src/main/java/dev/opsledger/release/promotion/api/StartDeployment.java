package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga when the window is open and no freeze applies. */
public record StartDeployment(@TargetAggregateIdentifier String promotionId) {
}
