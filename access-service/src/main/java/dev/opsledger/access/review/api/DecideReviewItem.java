package dev.opsledger.access.review.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DecideReviewItem(@TargetAggregateIdentifier String reviewId, String grantId, ReviewDecision decision,
                               String comment, Actor reviewer) {
}
