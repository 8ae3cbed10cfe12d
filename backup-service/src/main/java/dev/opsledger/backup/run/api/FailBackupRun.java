package dev.opsledger.backup.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver could not write the backup. */
public record FailBackupRun(@TargetAggregateIdentifier String runId, String reason, String stderrTail) {
}
