package dev.opsledger.backup.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A run found active when the service started: nothing runs it any more. */
public record InterruptBackupRun(@TargetAggregateIdentifier String runId, String reason) {
}
