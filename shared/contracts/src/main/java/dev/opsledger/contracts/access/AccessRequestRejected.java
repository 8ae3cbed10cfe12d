package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * An approver rejected a request; it ends without access.
 *
 * @param requestId the request
 * @param grantId the grant it creates or extends (the subject and Kafka key)
 * @param extension whether it extends an active grant rather than asking for new access
 * @param resourceId the resource
 * @param userId who asked, and would hold the access (token subject)
 * @param rejectedBy the approver (token subject)
 * @param reason their reason
 * @param rejectedAt when
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-request-rejected", version = 1)
public record AccessRequestRejected(String requestId, String grantId, boolean extension, String resourceId,
                                    String userId, String rejectedBy, String reason,
                                    Instant rejectedAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
