package dev.opsledger.backup.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The run's timeout passed without a result. */
public record TimeOutBackupRun(@TargetAggregateIdentifier String runId) {
}
