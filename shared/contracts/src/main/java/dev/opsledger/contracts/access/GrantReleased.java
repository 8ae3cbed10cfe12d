package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * The grantee gave the access back early: the membership is removed and their sessions are
 * ended.
 *
 * @param grantId the grant (the subject and Kafka key)
 * @param resourceId the resource
 * @param userId who holds the access (token subject)
 * @param endedAt when Keycloak confirmed the membership was removed and the user's sessions ended
 * @param effectiveUntil until when tokens issued before may still carry it (end plus token lifespan)
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "grant-released", version = 1)
public record GrantReleased(String grantId, String resourceId, String userId, Instant endedAt,
                            Instant effectiveUntil) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
