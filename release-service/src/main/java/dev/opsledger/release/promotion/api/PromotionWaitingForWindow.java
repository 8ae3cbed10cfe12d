package dev.opsledger.release.promotion.api;

import dev.opsledger.release.application.api.WaitReason;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The deployment waits until {@code until}, first because of {@code reason}. */
@Revision("1")
public record PromotionWaitingForWindow(String promotionId, PromotionTarget target, Instant until, WaitReason reason)
        implements PromotionStep {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.WAITING_FOR_WINDOW;
    }
}
