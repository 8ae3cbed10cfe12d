package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Removing a grant's membership failed; it is retried, and the access counts as held until it
 * succeeds. Alert on it.
 *
 * @param grantId the grant (the subject and Kafka key)
 * @param resourceId the resource
 * @param userId who holds the access (token subject)
 * @param reason what went wrong
 * @param attempt the attempt that failed, from 1
 * @param retryAt when the next attempt runs
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "grant-deprovision-failed", version = 1)
public record GrantDeprovisionFailed(String grantId, String resourceId, String userId, String reason, int attempt,
                                     Instant retryAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
