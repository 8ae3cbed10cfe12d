package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga once the deployment started, when the environment deploys through a task. */
public record RequestDeployTask(@TargetAggregateIdentifier String promotionId) {
}
