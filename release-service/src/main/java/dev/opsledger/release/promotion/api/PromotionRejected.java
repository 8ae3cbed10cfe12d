package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An approver said no; the promotion ends. */
@Revision("1")
public record PromotionRejected(String promotionId, PromotionTarget target, Actor rejectedBy, String reason,
                                Instant rejectedAt) implements PromotionEnded {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.REJECTED;
    }

    @Override
    public Actor endedBy() {
        return rejectedBy;
    }

    @Override
    public String detail() {
        return reason;
    }
}
