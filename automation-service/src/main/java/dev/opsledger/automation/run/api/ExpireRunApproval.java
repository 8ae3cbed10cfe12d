package dev.opsledger.automation.run.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the run saga when the approval deadline passes. */
public record ExpireRunApproval(@TargetAggregateIdentifier String runId) {
}
