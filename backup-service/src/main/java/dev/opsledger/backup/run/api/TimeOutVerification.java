package dev.opsledger.backup.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A test restore took longer than the run's timeout. */
public record TimeOutVerification(@TargetAggregateIdentifier String runId) {
}
