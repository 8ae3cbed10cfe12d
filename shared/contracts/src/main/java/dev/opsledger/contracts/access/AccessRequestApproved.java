package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A request has every approval it needs: new access is provisioned next (grant-activated
 * follows), an extension moves the grant's expiry (grant-extended follows).
 *
 * @param requestId the request
 * @param grantId the grant it creates or extends (the subject and Kafka key)
 * @param extension whether it extends an active grant rather than asking for new access
 * @param resourceId the resource
 * @param userId who asked, and would hold the access (token subject)
 * @param duration the duration granted (ISO-8601)
 * @param approvers names of the approvers, in order
 * @param approvedAt when the last approval came
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-request-approved", version = 1)
public record AccessRequestApproved(String requestId, String grantId, boolean extension, String resourceId,
                                    String userId, Duration duration, List<String> approvers,
                                    Instant approvedAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
