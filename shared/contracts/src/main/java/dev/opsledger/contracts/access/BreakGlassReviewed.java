package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * An approver reviewed break-glass access after the fact.
 *
 * @param grantId the grant (the subject and Kafka key)
 * @param resourceId the resource
 * @param userId who holds the access (token subject)
 * @param reviewedBy the reviewer (token subject)
 * @param justified whether the use was justified
 * @param comment the reviewer's comment
 * @param reviewedAt when
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "break-glass-reviewed", version = 1)
public record BreakGlassReviewed(String grantId, String resourceId, String userId, String reviewedBy,
                                 boolean justified, String comment, Instant reviewedAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
