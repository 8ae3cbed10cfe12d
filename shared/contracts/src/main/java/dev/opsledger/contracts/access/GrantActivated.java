package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Keycloak has the membership: the access is live, and its clock starts now.
 *
 * @param grantId the grant (the subject and Kafka key)
 * @param resourceId the resource
 * @param userId who holds the access (token subject)
 * @param activatedAt when Keycloak confirmed the membership
 * @param expiresAt when it expires unless extended, revoked or released
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "grant-activated", version = 1)
public record GrantActivated(String grantId, String resourceId, String userId, Instant activatedAt,
                             Instant expiresAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
