package dev.opsledger.backup.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retention removes a backup: the file goes, the record stays. */
public record ExpireBackupRun(@TargetAggregateIdentifier String runId, String reason) {
}
