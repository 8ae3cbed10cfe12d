package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/** Withdrawn before deployment; the promotion ends. */
@Revision("1")
public record PromotionCancelled(String promotionId, PromotionTarget target, Actor cancelledBy, String reason)
        implements PromotionEnded {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.CANCELLED;
    }

    @Override
    public Actor endedBy() {
        return cancelledBy;
    }

    @Override
    public String detail() {
        return reason;
    }
}
