package dev.opsledger.access.grant.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The grant decided to ask automation-service to run one of its resource's tasks; the platform
 * sends the run-task request from this event (ADR 040), so the decision and the request id are in
 * the grant's history before anything is sent.
 *
 * @param requestId   derived from the grant, the step and the attempt; automation's idempotency key
 * @param attempt     1 for the first run of this step; a retried deprovisioning counts up
 * @param parameters  what the task receives (ADR 017)
 * @param requestedBy actor id of the person the service acts for: the grantee, or whoever ended the grant
 */
@Revision("1")
public record AccessTaskRequested(String grantId, AccessTaskStep step, String requestId, int attempt, String taskId,
                                  Map<String, String> parameters, String requestedBy, Instant requestedAt) {
}
