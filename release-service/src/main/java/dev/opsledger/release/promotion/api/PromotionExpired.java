package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Nobody decided before the deadline; the promotion ends. */
@Revision("1")
public record PromotionExpired(String promotionId, PromotionTarget target, Instant deadline) implements PromotionEnded {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.EXPIRED;
    }

    @Override
    public Actor endedBy() {
        return null;
    }

    @Override
    public String detail() {
        return "No decision before " + deadline;
    }
}
