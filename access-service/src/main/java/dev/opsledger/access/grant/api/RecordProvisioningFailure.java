package dev.opsledger.access.grant.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adding the membership failed; the saga retries at {@code retryAt}. */
public record RecordProvisioningFailure(@TargetAggregateIdentifier String grantId, String reason, int attempt, Instant retryAt) {
}
