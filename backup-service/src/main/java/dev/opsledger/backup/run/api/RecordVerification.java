package dev.opsledger.backup.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The outcome of a test restore. */
public record RecordVerification(@TargetAggregateIdentifier String runId, boolean passed, String detail) {
}
