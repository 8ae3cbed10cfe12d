package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BreakGlassReviewed(String grantId, String resourceId, String userId, Actor reviewer, boolean justified,
                                 String comment, Instant reviewedAt) {
}
