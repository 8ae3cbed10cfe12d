package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One approver's yes; the approver's roles decide whether it counts. */
public record ApprovePromotion(@TargetAggregateIdentifier String promotionId, Actor approver, String comment) {
}
