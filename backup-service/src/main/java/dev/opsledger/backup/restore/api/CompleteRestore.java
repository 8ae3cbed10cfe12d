package dev.opsledger.backup.restore.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The driver restored the backup. */
public record CompleteRestore(@TargetAggregateIdentifier String restoreId, String detail) {
}
