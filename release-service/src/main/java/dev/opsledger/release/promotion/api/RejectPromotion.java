package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One approver's no, which ends the promotion. */
public record RejectPromotion(@TargetAggregateIdentifier String promotionId, Actor approver, String reason) {
}
