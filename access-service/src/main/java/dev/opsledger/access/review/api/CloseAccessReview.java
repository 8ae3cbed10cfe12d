package dev.opsledger.access.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the review saga at the deadline. */
public record CloseAccessReview(@TargetAggregateIdentifier String reviewId) {
}
