package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Someone cancelled the run before it ended; a running process tree was killed.
 *
 * @param runId the run
 * @param taskId its task
 * @param version the task version
 * @param requestId the id of the request that asked for it, or null
 * @param cancelledBy actor id
 * @param wasRunning whether it had started
 * @param cancelledAt when
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "task-run-cancelled", version = 1)
public record TaskRunCancelled(String runId, String taskId, int version, String requestId, String cancelledBy, boolean wasRunning, Instant cancelledAt) implements IntegrationAnswer {

    @Override
    public String subject() {
        return runId;
    }
}
