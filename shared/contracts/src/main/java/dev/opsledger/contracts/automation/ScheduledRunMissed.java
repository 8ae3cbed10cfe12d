package dev.opsledger.contracts.automation;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A schedule fire time passed while the service was down, and the misfire rule SKIP said not to run it.
 *
 * @param taskId the task
 * @param version its version then
 * @param scheduledFor the fire time missed
 */
@MessageType(service = OpsLedgerService.AUTOMATION, name = "scheduled-run-missed", version = 1)
public record ScheduledRunMissed(String taskId, int version, Instant scheduledFor) implements IntegrationEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
