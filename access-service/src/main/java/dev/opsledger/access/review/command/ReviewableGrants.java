package dev.opsledger.access.review.command;

import dev.opsledger.access.review.api.ReviewItem;
import java.util.List;

/** The grants a campaign asks about: those active now, of one resource or of all. */
public interface ReviewableGrants {

    /** @param resourceId the resource, or {@code null} for every resource */
    List<ReviewItem> activeGrants(String resourceId);
}
