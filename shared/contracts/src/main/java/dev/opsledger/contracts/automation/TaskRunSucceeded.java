package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * The run ended well: exit code 0, or an accepted HTTP status.
 *
 * @param runId the run
 * @param taskId its task
 * @param version the task version
 * @param requestId the id of the request that asked for it, or null
 * @param exitCode the exit code or HTTP status, or null
 * @param finishedAt when
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "task-run-succeeded", version = 1)
public record TaskRunSucceeded(String runId, String taskId, int version, String requestId, Integer exitCode, Instant finishedAt) implements IntegrationAnswer {

    @Override
    public String subject() {
        return runId;
    }
}
