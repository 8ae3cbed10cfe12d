package dev.opsledger.access.grant.api;

import java.time.Instant;

public record RecordDeprovisioningFailure(String grantId, String reason, int attempt, Instant retryAt) {
}
