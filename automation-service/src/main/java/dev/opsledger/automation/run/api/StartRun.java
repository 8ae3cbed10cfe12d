package dev.opsledger.automation.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A worker takes a queued run; the answer is the {@link RunInputs} to execute, exactly. */
public record StartRun(@TargetAggregateIdentifier String runId, String worker) {
}
