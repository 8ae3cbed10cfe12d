package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A release manager records that the deployment succeeded, with a link to the evidence. */
public record ConfirmDeployment(@TargetAggregateIdentifier String promotionId, Actor recordedBy, String evidenceUrl) {
}
