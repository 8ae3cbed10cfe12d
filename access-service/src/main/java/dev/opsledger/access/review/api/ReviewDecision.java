package dev.opsledger.access.review.api;

/** A reviewer's verdict on one grant in an access review. */
public enum ReviewDecision {
    KEEP,
    REVOKE
}
