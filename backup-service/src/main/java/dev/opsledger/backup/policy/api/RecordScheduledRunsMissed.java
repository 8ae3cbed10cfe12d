package dev.opsledger.backup.policy.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The scheduler found slots that passed while the service was down. */
public record RecordScheduledRunsMissed(@TargetAggregateIdentifier String policyId, int missed, Instant firstMissed,
                                        Instant lastMissed) {
}
