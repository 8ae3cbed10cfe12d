package dev.opsledger.automation.task.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A fire time passed while the service was down and the misfire rule said skip it. */
@Revision("1")
public record ScheduledRunMissed(String taskId, int version, Instant scheduledFor) {
}
