package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;
import java.util.List;

/**
 * An admin opened an access-review campaign: reviewers keep or revoke each grant active now by
 * the deadline; unanswered ones are revoked then.
 *
 * @param reviewId the campaign (the subject and Kafka key)
 * @param name its name
 * @param resourceId the resource reviewed, or null for every resource
 * @param reviewerRoles the roles whose holders may decide
 * @param items how many grants it asks about
 * @param deadline when unanswered items are revoked
 * @param openedBy the admin (token subject)
 * @param openedAt when
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-review-opened", version = 1)
public record AccessReviewOpened(String reviewId, String name, String resourceId, List<String> reviewerRoles,
                                 int items, Instant deadline, String openedBy,
                                 Instant openedAt) implements IntegrationEvent {

    /** Keyed by review, so one campaign's story stays in order on one partition. */
    @Override
    public String subject() {
        return reviewId;
    }
}
