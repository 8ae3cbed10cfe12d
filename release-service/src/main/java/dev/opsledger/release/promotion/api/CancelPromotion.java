package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester or a release manager withdraws a promotion before it deploys. */
public record CancelPromotion(@TargetAggregateIdentifier String promotionId, Actor cancelledBy, String reason) {
}
