package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A task was defined or given a new version; a run pins the version it was requested with.
 *
 * @param taskId the task
 * @param name its unique name
 * @param version the new version, from 1
 * @param executor shell or http
 * @param needsApproval whether its runs need an approval
 * @param definedBy actor id of the automation admin
 * @param definedAt when
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "task-defined", version = 1)
public record TaskDefined(String taskId, String name, int version, String executor, boolean needsApproval, String definedBy, Instant definedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
