package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * The requester withdrew a request that was still awaiting approval.
 *
 * @param requestId the request
 * @param grantId the grant it creates or extends (the subject and Kafka key)
 * @param extension whether it extends an active grant rather than asking for new access
 * @param resourceId the resource
 * @param userId who asked, and would hold the access (token subject)
 * @param cancelledAt when
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-request-cancelled", version = 1)
public record AccessRequestCancelled(String requestId, String grantId, boolean extension, String resourceId,
                                     String userId, Instant cancelledAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
