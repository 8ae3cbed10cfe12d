package dev.opsledger.access.grant.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** No answer to the task request {@code requestId} came within the task answer timeout. */
public record TimeOutAccessTask(@TargetAggregateIdentifier String grantId, String requestId) {
}
