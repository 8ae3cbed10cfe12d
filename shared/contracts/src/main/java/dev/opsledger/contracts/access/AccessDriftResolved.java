package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Keycloak and the grants agree again about a user reported as drift (removed, granted, or
 * restored by hand).
 *
 * @param resourceId the resource (the subject and Kafka key)
 * @param userId the Keycloak user id
 * @param kind UNMANAGED_MEMBER or MISSING_MEMBERSHIP
 * @param resolvedAt when the reconciliation found it resolved
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-drift-resolved", version = 1)
public record AccessDriftResolved(String resourceId, String userId, String kind,
                                  Instant resolvedAt) implements IntegrationEvent {

    /** Keyed by resource, so one resource's drift reports stay in order on one partition. */
    @Override
    public String subject() {
        return resourceId;
    }
}
