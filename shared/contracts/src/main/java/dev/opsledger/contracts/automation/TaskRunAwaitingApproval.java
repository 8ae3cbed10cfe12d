package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * The run waits for an approver before it is queued: a requester shows that it waits for people,
 * not for a machine.
 *
 * @param runId the run
 * @param taskId its task
 * @param version the task version
 * @param requestId the id of the request that asked for it, or null
 * @param deadline when the run expires undecided
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "task-run-awaiting-approval", version = 1)
public record TaskRunAwaitingApproval(String runId, String taskId, int version, String requestId, Instant deadline)
        implements IntegrationAnswer {

    @Override
    public String subject() {
        return runId;
    }
}
