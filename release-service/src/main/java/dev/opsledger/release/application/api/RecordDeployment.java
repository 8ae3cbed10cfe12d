package dev.opsledger.release.application.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Notes that a release now runs in an environment; sent by the promotion saga once it is deployed. */
public record RecordDeployment(@TargetAggregateIdentifier String applicationId, String environment, String releaseId,
                               String version, String promotionId) {
}
