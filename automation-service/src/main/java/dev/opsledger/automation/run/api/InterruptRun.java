package dev.opsledger.automation.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A run was found running at start: its worker died with the previous process. */
public record InterruptRun(@TargetAggregateIdentifier String runId, String reason) {
}
