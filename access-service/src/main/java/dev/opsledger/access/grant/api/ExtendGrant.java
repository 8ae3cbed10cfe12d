package dev.opsledger.access.grant.api;

import java.time.Duration;

/** Sent by the saga when an extension request is approved: the expiry moves by {@code duration}. */
public record ExtendGrant(String grantId, String requestId, Duration duration) {
}
