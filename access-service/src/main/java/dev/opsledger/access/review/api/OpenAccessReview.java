package dev.opsledger.access.review.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import java.util.Set;

/**
 * Asks reviewers holding one of {@code reviewerRoles} to keep or revoke every active grant of a
 * resource ({@code resourceId}; {@code null}: of every resource) by {@code deadline}.
 */
public record OpenAccessReview(String reviewId, String name, String resourceId, Set<String> reviewerRoles,
                               Instant deadline, Actor admin) {
}
