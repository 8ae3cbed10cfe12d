package dev.opsledger.backup.restore.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The restore could not be done. */
public record FailRestore(@TargetAggregateIdentifier String restoreId, String reason) {
}
