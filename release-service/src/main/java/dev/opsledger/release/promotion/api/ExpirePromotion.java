package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga when the approval deadline has passed. */
public record ExpirePromotion(@TargetAggregateIdentifier String promotionId) {
}
