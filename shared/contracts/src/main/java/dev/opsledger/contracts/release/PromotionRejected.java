package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * An approver rejected a promotion; it has ended.
 *
 * @param promotionId the promotion
 * @param releaseId the release
 * @param applicationId its application
 * @param environment the target environment
 * @param rejectedBy token subject of the approver
 * @param reason why
 * @param rejectedAt when
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "promotion-rejected", version = 1)
public record PromotionRejected(String promotionId, String releaseId, String applicationId, String environment,
                                String rejectedBy, String reason, Instant rejectedAt) implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
