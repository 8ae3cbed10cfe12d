package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A worker started executing the run.
 *
 * @param runId the run
 * @param taskId its task
 * @param version the task version
 * @param requestId the id of the request that asked for it, or null
 * @param digest the inputs executed
 * @param startedAt when
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "task-run-started", version = 1)
public record TaskRunStarted(String runId, String taskId, int version, String requestId, String digest, Instant startedAt) implements IntegrationAnswer {

    @Override
    public String subject() {
        return runId;
    }
}
