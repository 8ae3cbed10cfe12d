package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;
import java.util.List;

/**
 * A promotion has all the approvals it needs (or needed none) and will deploy once a window allows.
 *
 * @param promotionId the promotion
 * @param releaseId the release
 * @param applicationId its application
 * @param environment the target environment
 * @param approvers names of the approvers, in order
 * @param approvedAt when the last approval came
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "promotion-approved", version = 1)
public record PromotionApproved(String promotionId, String releaseId, String applicationId, String environment,
                                List<String> approvers, Instant approvedAt) implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
