package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A backup run ended without a backup (failed, timed out or interrupted).
 *
 * @param runId the run
 * @param targetId the target (the subject and Kafka key)
 * @param targetName its name
 * @param requestId the request answered, or null
 * @param reason why
 * @param failedAt when
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "backup-failed", version = 1)
public record BackupFailed(String runId, String targetId, String targetName, String requestId, String reason,
                           Instant failedAt) implements IntegrationAnswer {

    /** Keyed by target, so one target's story stays in order on one partition. */
    @Override
    public String subject() {
        return targetId;
    }
}
