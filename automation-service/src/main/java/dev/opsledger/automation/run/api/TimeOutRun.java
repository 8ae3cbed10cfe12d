package dev.opsledger.automation.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the run saga when a running run outlives its timeout and grace: its worker is gone. */
public record TimeOutRun(@TargetAggregateIdentifier String runId) {
}
