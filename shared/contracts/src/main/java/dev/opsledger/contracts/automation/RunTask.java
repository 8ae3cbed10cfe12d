package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.SentBy;
import java.util.Map;

/**
 * Asks automation-service to run a task's current version. The request id is the idempotency
 * key: the same id twice makes one run and one answer. The answers are the run's events
 * ({@code task-run-requested}, then {@code task-run-succeeded}, {@code task-run-failed},
 * {@code task-run-cancelled} or {@code task-run-rejected}), each carrying this request id.
 *
 * @param requestId  derived from the requester's aggregate and attempt, never random per send
 * @param taskId     the task
 * @param parameters values by parameter name, as text; a secret parameter takes a reference
 * @param requestedBy actor id of the person the requesting service acts for
 */
// release-service deploys through a task (X1); access-service provisions external access (ADR 017).
@SentBy({OpsLedgerService.RELEASE, OpsLedgerService.ACCESS})
@MessageType(service = OpsLedgerService.AUTOMATION, name = "run-task", version = 1)
public record RunTask(String requestId, String taskId, Map<String, String> parameters, String requestedBy)
        implements IntegrationRequest {

    @Override
    public String subject() {
        return taskId;
    }
}
