package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A backup run wrote its file; {@code requestId} answers a request on opsledger.backup.requests.
 *
 * @param runId the run
 * @param targetId the target (the subject and Kafka key)
 * @param targetName its name
 * @param trigger SCHEDULE, MANUAL, REQUEST or SAFETY
 * @param requestId the request answered, or null
 * @param sizeBytes size of the file
 * @param sha256 hex SHA-256 of the file
 * @param toolVersion the tool that wrote it
 * @param completedAt when it finished
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "backup-succeeded", version = 1)
public record BackupSucceeded(String runId, String targetId, String targetName, String trigger,
                              String requestId, long sizeBytes, String sha256, String toolVersion,
                              Instant completedAt) implements IntegrationAnswer {

    /** Keyed by target, so one target's story stays in order on one partition. */
    @Override
    public String subject() {
        return targetId;
    }
}
