package dev.opsledger.automation.task.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The schedule skipped a fire time it missed (misfire rule {@code SKIP}). */
public record RecordScheduledRunMiss(@TargetAggregateIdentifier String taskId, Instant scheduledFor) {
}
