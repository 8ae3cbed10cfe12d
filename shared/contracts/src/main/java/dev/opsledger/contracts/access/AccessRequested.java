package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Duration;
import java.time.Instant;

/**
 * Someone asked for access to a resource, or for more time on a grant they hold; approvers
 * decide by the deadline.
 *
 * @param requestId the request
 * @param grantId the grant it creates or extends (the subject and Kafka key)
 * @param extension whether it extends an active grant rather than asking for new access
 * @param resourceId the resource
 * @param userId who asked, and would hold the access (token subject)
 * @param resourceName the resource's name
 * @param duration how long the access would last once granted (ISO-8601)
 * @param justification why, in the requester's words
 * @param requiredApprovals approvals needed
 * @param deadline when the request expires without a decision
 * @param requestedAt when
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-requested", version = 1)
public record AccessRequested(String requestId, String grantId, boolean extension, String resourceId, String userId,
                              String resourceName, Duration duration, String justification, int requiredApprovals,
                              Instant deadline, Instant requestedAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
