package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** automation-service created the deploy run, or it waits for an approval, or it started. */
public record RecordDeployProgress(@TargetAggregateIdentifier String promotionId, String requestId, String runId,
                                   boolean awaitingApproval) {
}
