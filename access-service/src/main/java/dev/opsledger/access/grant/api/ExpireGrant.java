package dev.opsledger.access.grant.api;

/** Sent by the saga's expiry deadline. */
public record ExpireGrant(String grantId) {
}
