package dev.opsledger.access.review.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The deadline passed. Items nobody answered are revoked by the review saga: a grant nobody vouches
 * for is not kept.
 */
@Revision("1")
public record AccessReviewClosed(String reviewId, int kept, int revoked, List<ReviewItem> unanswered,
                                 Instant closedAt) {
}
