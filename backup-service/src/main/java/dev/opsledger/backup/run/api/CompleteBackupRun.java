package dev.opsledger.backup.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver wrote the backup. */
public record CompleteBackupRun(@TargetAggregateIdentifier String runId, BackupArtifact artifact) {
}
