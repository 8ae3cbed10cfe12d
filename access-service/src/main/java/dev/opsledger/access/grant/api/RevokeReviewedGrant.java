package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the access-review saga: a reviewer revoked the grant ({@code decidedBy}), or nobody
 * answered by the deadline ({@code decidedBy} is the service). The review checked the reviewer's
 * right to decide; the grant checks only that it may still end.
 */
public record RevokeReviewedGrant(@TargetAggregateIdentifier String grantId, String reviewId, Actor decidedBy,
                                  String reason) {
}
