package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A reviewer kept or revoked one grant in an access review; a revocation follows as grant-
 * revoked.
 *
 * @param reviewId the campaign (the subject and Kafka key)
 * @param grantId the grant
 * @param resourceId its resource
 * @param userId who holds it (token subject)
 * @param decision KEEP or REVOKE
 * @param decidedBy the reviewer (token subject)
 * @param comment the reviewer's comment
 * @param decidedAt when
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-review-item-decided", version = 1)
public record AccessReviewItemDecided(String reviewId, String grantId, String resourceId, String userId,
                                      String decision, String decidedBy, String comment,
                                      Instant decidedAt) implements IntegrationEvent {

    /** Keyed by review, so one campaign's story stays in order on one partition. */
    @Override
    public String subject() {
        return reviewId;
    }
}
