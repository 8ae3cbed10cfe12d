package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Approvers may now decide, until {@code deadline}. */
@Revision("1")
public record PromotionAwaitingApproval(String promotionId, PromotionTarget target, ApprovalPolicy policy,
                                        String requesterId, Instant deadline) implements PromotionStep {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.AWAITING_APPROVAL;
    }
}
