package dev.opsledger.release.promotion.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Enough approvals (or none required): the promotion may deploy once a window allows. */
@Revision("1")
public record PromotionApproved(String promotionId, PromotionTarget target, List<String> approvers)
        implements PromotionStep {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.APPROVED;
    }
}
