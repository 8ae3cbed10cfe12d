package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A release manager records that the deployment failed, and why. */
public record ReportDeploymentFailure(@TargetAggregateIdentifier String promotionId, Actor recordedBy, String reason) {
}
