package dev.opsledger.backup.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The saga lets a requested run start. */
public record StartBackupRun(@TargetAggregateIdentifier String runId) {
}
