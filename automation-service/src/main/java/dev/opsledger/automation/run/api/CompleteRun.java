package dev.opsledger.automation.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker reports how the execution ended. */
public record CompleteRun(@TargetAggregateIdentifier String runId, RunOutcome outcome, Integer exitCode,
                          String detail) {
}
