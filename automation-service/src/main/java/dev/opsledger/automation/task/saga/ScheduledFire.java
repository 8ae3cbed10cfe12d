package dev.opsledger.automation.task.saga;

import java.time.Instant;

/** The payload of a schedule's deadline: which task, and the fire time it stands for. */
public record ScheduledFire(String taskId, Instant at) {
}
