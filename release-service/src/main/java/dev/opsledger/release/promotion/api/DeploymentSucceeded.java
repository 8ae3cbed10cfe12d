package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/** The release runs in the environment; the promotion ends. */
@Revision("1")
public record DeploymentSucceeded(String promotionId, PromotionTarget target, Actor recordedBy, String evidenceUrl)
        implements PromotionEnded {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.DEPLOYED;
    }

    @Override
    public Actor endedBy() {
        return recordedBy;
    }

    @Override
    public String detail() {
        return evidenceUrl;
    }
}
