package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A test restore failed, or the file no longer matches its SHA-256: the backup does not count as good.
 *
 * @param runId the run
 * @param targetId the target (the subject and Kafka key)
 * @param reason why
 * @param failedAt when
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "backup-verification-failed", version = 1)
public record BackupVerificationFailed(String runId, String targetId, String reason, Instant failedAt) implements IntegrationEvent {

    /** Keyed by target, so one target's story stays in order on one partition. */
    @Override
    public String subject() {
        return targetId;
    }
}
