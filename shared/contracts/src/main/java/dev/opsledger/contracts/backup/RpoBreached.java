package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Duration;
import java.time.Instant;

/**
 * A target's last good backup is older than its policy's RPO (or it has none).
 *
 * @param targetId the target (the subject and Kafka key)
 * @param targetName its name
 * @param rpo the policy's RPO (ISO-8601 duration)
 * @param lastGoodBackupAt the last good backup's completion, or null when there is none
 * @param detectedAt when the check found it
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "rpo-breached", version = 1)
public record RpoBreached(String targetId, String targetName, Duration rpo, Instant lastGoodBackupAt,
                          Instant detectedAt) implements IntegrationEvent {

    /** Keyed by target, so one target's story stays in order on one partition. */
    @Override
    public String subject() {
        return targetId;
    }
}
