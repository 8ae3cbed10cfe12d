package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Nobody reviewed break-glass access by its deadline. Alert on it.
 *
 * @param grantId the grant (the subject and Kafka key)
 * @param resourceId the resource
 * @param userId who holds the access (token subject)
 * @param deadline the review deadline that passed
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "break-glass-review-overdue", version = 1)
public record BreakGlassReviewOverdue(String grantId, String resourceId, String userId,
                                      Instant deadline) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
