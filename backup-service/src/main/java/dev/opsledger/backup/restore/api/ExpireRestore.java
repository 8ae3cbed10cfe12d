package dev.opsledger.backup.restore.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The approval deadline passed. */
public record ExpireRestore(@TargetAggregateIdentifier String restoreId) {
}
