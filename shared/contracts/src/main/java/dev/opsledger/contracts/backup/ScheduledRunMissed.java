package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Scheduled backups did not run while the service was down, and the policy chose not to catch up.
 *
 * @param policyId the policy
 * @param targetId the target (the subject and Kafka key)
 * @param missed how many slots
 * @param firstMissed the first missed slot
 * @param lastMissed the last missed slot
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "scheduled-run-missed", version = 1)
public record ScheduledRunMissed(String policyId, String targetId, int missed, Instant firstMissed,
                                 Instant lastMissed) implements IntegrationEvent {

    /** Keyed by target, so one target's story stays in order on one partition. */
    @Override
    public String subject() {
        return targetId;
    }
}
