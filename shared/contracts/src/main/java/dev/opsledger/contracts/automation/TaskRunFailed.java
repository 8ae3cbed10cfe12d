package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * The run ended badly: FAILED (exit code or HTTP status), TIMED_OUT (killed at its timeout) or INTERRUPTED (the service stopped while it ran).
 *
 * @param runId the run
 * @param taskId its task
 * @param version the task version
 * @param requestId the id of the request that asked for it, or null
 * @param outcome FAILED, TIMED_OUT or INTERRUPTED
 * @param exitCode the exit code or HTTP status, or null
 * @param reason what happened, for people
 * @param finishedAt when
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "task-run-failed", version = 1)
public record TaskRunFailed(String runId, String taskId, int version, String requestId, String outcome, Integer exitCode, String reason, Instant finishedAt) implements IntegrationAnswer {

    @Override
    public String subject() {
        return runId;
    }
}
