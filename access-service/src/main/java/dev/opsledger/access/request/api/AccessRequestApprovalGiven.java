package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One approver's vote; the request is approved once {@code stillNeeded} reaches zero. */
@Revision("1")
public record AccessRequestApprovalGiven(String requestId, Actor approver, String comment, Instant approvedAt,
                                         int stillNeeded) {
}
