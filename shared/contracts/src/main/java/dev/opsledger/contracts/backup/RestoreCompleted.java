package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A restore ended: succeeded or failed, with what was done.
 *
 * @param restoreId the restore
 * @param runId the backup run restored
 * @param targetId the target (the subject and Kafka key)
 * @param succeeded whether it succeeded
 * @param detail what was restored, or why it failed
 * @param completedAt when
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "restore-completed", version = 1)
public record RestoreCompleted(String restoreId, String runId, String targetId, boolean succeeded,
                               String detail, Instant completedAt) implements IntegrationEvent {

    /** Keyed by target, so one target's story stays in order on one partition. */
    @Override
    public String subject() {
        return targetId;
    }
}
