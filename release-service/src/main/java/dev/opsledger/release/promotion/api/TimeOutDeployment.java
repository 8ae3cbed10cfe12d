package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga when nobody recorded a result in time. */
public record TimeOutDeployment(@TargetAggregateIdentifier String promotionId) {
}
