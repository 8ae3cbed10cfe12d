package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A test restore proved a backup.
 *
 * @param runId the run
 * @param targetId the target (the subject and Kafka key)
 * @param detail what was checked
 * @param verifiedAt when
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "backup-verified", version = 1)
public record BackupVerified(String runId, String targetId, String detail, Instant verifiedAt) implements IntegrationEvent {

    /** Keyed by target, so one target's story stays in order on one partition. */
    @Override
    public String subject() {
        return targetId;
    }
}
