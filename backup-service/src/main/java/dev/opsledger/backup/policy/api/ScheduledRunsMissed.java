package dev.opsledger.backup.policy.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Slots of the schedule passed while nothing ran them, and the policy chose not to catch up. */
@Revision("1")
public record ScheduledRunsMissed(String policyId, String targetId, int missed, Instant firstMissed,
                                  Instant lastMissed) {
}
