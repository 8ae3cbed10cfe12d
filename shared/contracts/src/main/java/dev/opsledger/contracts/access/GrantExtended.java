package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * An approved extension moved a grant's expiry.
 *
 * @param grantId the grant (the subject and Kafka key)
 * @param resourceId the resource
 * @param userId who holds the access (token subject)
 * @param requestId the extension request
 * @param previousExpiry the expiry before
 * @param expiresAt the new expiry
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "grant-extended", version = 1)
public record GrantExtended(String grantId, String resourceId, String userId, String requestId,
                            Instant previousExpiry, Instant expiresAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
