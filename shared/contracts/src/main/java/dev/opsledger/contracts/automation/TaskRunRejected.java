package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * The run never ran: an approver rejected it (REJECTED) or nobody decided in time (EXPIRED).
 *
 * @param runId the run
 * @param taskId its task
 * @param version the task version
 * @param requestId the id of the request that asked for it, or null
 * @param outcome REJECTED or EXPIRED
 * @param decidedBy actor id of the rejecting approver, or null when expired
 * @param reason why
 * @param decidedAt when
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "task-run-rejected", version = 1)
public record TaskRunRejected(String runId, String taskId, int version, String requestId, String outcome, String decidedBy, String reason, Instant decidedAt) implements IntegrationAnswer {

    @Override
    public String subject() {
        return runId;
    }
}
