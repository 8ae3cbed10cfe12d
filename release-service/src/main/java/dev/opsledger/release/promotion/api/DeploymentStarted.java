package dev.opsledger.release.promotion.api;

import org.axonframework.serialization.Revision;

/** The deployment is under way; a release manager records its result. */
@Revision("1")
public record DeploymentStarted(String promotionId, PromotionTarget target) implements PromotionStep {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.DEPLOYING;
    }
}
