package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * An access review reached its deadline; grants nobody answered for are revoked (grant-revoked
 * follows for each).
 *
 * @param reviewId the campaign (the subject and Kafka key)
 * @param kept items kept
 * @param revoked items revoked by a reviewer
 * @param unanswered items nobody answered, revoked now
 * @param closedAt when
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-review-closed", version = 1)
public record AccessReviewClosed(String reviewId, int kept, int revoked, int unanswered,
                                 Instant closedAt) implements IntegrationEvent {

    /** Keyed by review, so one campaign's story stays in order on one partition. */
    @Override
    public String subject() {
        return reviewId;
    }
}
