package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A run of a task was asked for, by hand, by its schedule or by another service.
 *
 * @param runId the run
 * @param taskId its task
 * @param version the task version it pins
 * @param requestId the id of the request that asked for it, or null when none did
 * @param trigger MANUAL, SCHEDULE or REQUEST
 * @param digest SHA-256 of the task, version and parameters: what an approval binds to
 * @param requestedBy actor id
 * @param requestedAt when
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "task-run-requested", version = 1)
public record TaskRunRequested(String runId, String taskId, int version, String requestId, String trigger, String digest, String requestedBy, Instant requestedAt) implements IntegrationAnswer {

    @Override
    public String subject() {
        return runId;
    }
}
