package dev.opsledger.backup.policy.api;

import java.time.Instant;

/** The scheduler found slots that passed while the service was down. */
public record RecordScheduledRunsMissed(String policyId, int missed, Instant firstMissed, Instant lastMissed) {
}
