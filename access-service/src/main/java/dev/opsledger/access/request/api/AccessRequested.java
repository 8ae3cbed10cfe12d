package dev.opsledger.access.request.api;

import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A request was made, with a copy of the resource's approval policy as it was then: the request
 * follows it to its end, whatever changes later.
 *
 * @param grantId   the grant this request creates (new access: {@code grant-<requestId>}) or extends
 * @param extension whether it extends {@code grantId} rather than creating it
 */
@Revision("1")
public record AccessRequested(String requestId, String grantId, boolean extension, String resourceId,
                              String resourceName, AccessTarget target, Duration duration, String justification,
                              Actor requester, Instant requestedAt, ApprovalPolicy policy, Instant deadline) {
}
