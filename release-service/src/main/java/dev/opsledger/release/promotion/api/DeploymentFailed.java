package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/** The deployment failed (or nobody recorded a result in time); the promotion ends. */
@Revision("1")
public record DeploymentFailed(String promotionId, PromotionTarget target, Actor recordedBy, String reason)
        implements PromotionEnded {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.FAILED;
    }

    @Override
    public Actor endedBy() {
        return recordedBy;
    }

    @Override
    public String detail() {
        return reason;
    }
}
