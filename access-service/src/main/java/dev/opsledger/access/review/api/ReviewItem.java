package dev.opsledger.access.review.api;

/** One active grant a campaign asks about, as it was when the campaign opened. */
public record ReviewItem(String grantId, String resourceId, String userId, String userName) {
}
