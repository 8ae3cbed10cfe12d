package dev.opsledger.access.grant.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordDeprovisioningFailure(@TargetAggregateIdentifier String grantId, String reason, int attempt, Instant retryAt) {
}
