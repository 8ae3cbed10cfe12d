package dev.opsledger.backup.restore.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approved, and the safety backup (if any) is taken: write the backup. */
public record StartRestore(@TargetAggregateIdentifier String restoreId, String safetyRunId) {
}
