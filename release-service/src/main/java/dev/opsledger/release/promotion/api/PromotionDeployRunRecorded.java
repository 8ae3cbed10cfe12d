package dev.opsledger.release.promotion.api;

import org.axonframework.serialization.Revision;

/** The deploy task's run is known, and whether it waits for an approver or runs. */
@Revision("1")
public record PromotionDeployRunRecorded(String promotionId, PromotionTarget target, String requestId, String runId,
                                         boolean awaitingApproval) implements PromotionStep {

    @Override
    public PromotionStatus status() {
        return awaitingApproval ? PromotionStatus.AWAITING_DEPLOY_APPROVAL : PromotionStatus.DEPLOYING;
    }
}
