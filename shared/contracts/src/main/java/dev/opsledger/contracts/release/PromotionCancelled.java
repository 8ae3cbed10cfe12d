package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A promotion was withdrawn before it deployed; it has ended.
 *
 * @param promotionId the promotion
 * @param releaseId the release
 * @param applicationId its application
 * @param environment the target environment
 * @param cancelledBy token subject of whoever cancelled it
 * @param reason why, if given (may be null)
 * @param cancelledAt when
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "promotion-cancelled", version = 1)
public record PromotionCancelled(String promotionId, String releaseId, String applicationId, String environment,
                                 String cancelledBy, String reason, Instant cancelledAt) implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
