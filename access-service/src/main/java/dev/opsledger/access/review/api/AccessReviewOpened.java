package dev.opsledger.access.review.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A campaign opened over the grants active at {@code openedAt}; each is an item to decide.
 *
 * @param resourceId the resource reviewed, or {@code null} for every resource
 */
@Revision("1")
public record AccessReviewOpened(String reviewId, String name, String resourceId, Set<String> reviewerRoles,
                                 Instant deadline, List<ReviewItem> items, Actor openedBy, Instant openedAt) {
}
