package dev.opsledger.access.review.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A reviewer kept or revoked one grant; a revocation is carried out by the review saga. */
@Revision("1")
public record ReviewItemDecided(String reviewId, ReviewItem item, ReviewDecision decision, Actor reviewer,
                                String comment, Instant decidedAt) {
}
