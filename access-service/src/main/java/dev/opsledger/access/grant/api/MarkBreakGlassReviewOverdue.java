package dev.opsledger.access.grant.api;

/** Sent by the saga when nobody reviewed break-glass access by its deadline. */
public record MarkBreakGlassReviewOverdue(String grantId) {
}
