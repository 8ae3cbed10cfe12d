package dev.opsledger.access.inbox.query;

import java.time.Instant;

/**
 * Something the caller may decide now, of any kind, in one shape for the portal's inbox.
 *
 * @param kind       {@code ACCESS_REQUEST} (approve or reject), {@code BREAK_GLASS_REVIEW} (justified or not)
 *                   or {@code ACCESS_REVIEW_ITEM} (keep or revoke)
 * @param decideAt   where to send the decision
 * @param userId     whose access it is about
 * @param summary    the justification, or the campaign's name
 * @param requestId  for {@code ACCESS_REQUEST}
 * @param reviewId   for {@code ACCESS_REVIEW_ITEM}
 */
public record PendingItem(String kind, String decideAt, String resourceId, String userId, String userName,
                          String summary, Instant deadline, String requestId, String grantId, String reviewId) {

    public static final String ACCESS_REQUEST = "ACCESS_REQUEST";
    public static final String BREAK_GLASS_REVIEW = "BREAK_GLASS_REVIEW";
    public static final String ACCESS_REVIEW_ITEM = "ACCESS_REVIEW_ITEM";

    /** Unique across kinds; with the deadline, the position of the item in the list. */
    String key() {
        return kind + "/" + (requestId != null ? requestId : reviewId != null ? reviewId + "/" + grantId : grantId);
    }
}
