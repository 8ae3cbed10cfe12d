package dev.opsledger.access.grant.api;

import java.time.Instant;

/** Adding the membership failed; the saga retries at {@code retryAt}. */
public record RecordProvisioningFailure(String grantId, String reason, int attempt, Instant retryAt) {
}
