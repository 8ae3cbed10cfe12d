package dev.opsledger.access.grant.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Nobody reviewed break-glass access in time: an event of its own, for queries and alerts. */
@Revision("1")
public record BreakGlassReviewOverdue(String grantId, String resourceId, String userId, Instant deadline) {
}
