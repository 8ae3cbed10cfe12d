package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A target that breached its RPO is within it again.
 *
 * @param targetId the target (the subject and Kafka key)
 * @param targetName its name
 * @param state COMPLIANT or AT_RISK (or UNPROTECTED when its policy is gone)
 * @param lastGoodBackupAt the last good backup's completion
 * @param detectedAt when the check found it
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "rpo-restored", version = 1)
public record RpoRestored(String targetId, String targetName, String state, Instant lastGoodBackupAt,
                          Instant detectedAt) implements IntegrationEvent {

    /** Keyed by target, so one target's story stays in order on one partition. */
    @Override
    public String subject() {
        return targetId;
    }
}
