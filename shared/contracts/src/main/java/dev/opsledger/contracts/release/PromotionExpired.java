package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Nobody decided on a promotion before its approval deadline; it has ended.
 *
 * @param promotionId the promotion
 * @param releaseId the release
 * @param applicationId its application
 * @param environment the target environment
 * @param deadline the deadline that passed
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "promotion-expired", version = 1)
public record PromotionExpired(String promotionId, String releaseId, String applicationId, String environment,
                               Instant deadline) implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
