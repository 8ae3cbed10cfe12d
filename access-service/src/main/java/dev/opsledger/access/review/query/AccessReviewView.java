package dev.opsledger.access.review.query;

import java.time.Instant;
import java.util.List;

/**
 * A campaign and its report: each item with its decision and who made it.
 *
 * @param resourceId the resource reviewed, or {@code null} for every resource
 * @param status     {@code OPEN} or {@code CLOSED}
 * @param items      empty in lists; filled when one campaign is read
 */
public record AccessReviewView(String reviewId, String name, String resourceId, List<String> reviewerRoles,
                               Instant deadline, String status, String openedBy, Instant openedAt, Instant closedAt,
                               List<Item> items) {

    /**
     * @param decision {@code KEEP}, {@code REVOKE}, {@code UNANSWERED} (revoked at the deadline) or
     *                 {@code null} while open
     */
    public record Item(String grantId, String resourceId, String userId, String userName, String decision,
                       String decidedBy, String comment, Instant decidedAt) {
    }
}
