package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Keycloak and the grants disagree: a member Keycloak has without a grant (added by hand), or
 * an active grant whose membership Keycloak lacks. Reported once when found. Alert on it.
 *
 * @param resourceId the resource (the subject and Kafka key)
 * @param targetKind KEYCLOAK_REALM_ROLE or KEYCLOAK_GROUP
 * @param target the realm role name or group path
 * @param userId the Keycloak user id
 * @param kind UNMANAGED_MEMBER or MISSING_MEMBERSHIP
 * @param removing whether the unmanaged member is being removed, as the resource's rules say
 * @param detectedAt when the reconciliation found it
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "access-drift-detected", version = 1)
public record AccessDriftDetected(String resourceId, String targetKind, String target, String userId, String kind,
                                  boolean removing, Instant detectedAt) implements IntegrationEvent {

    /** Keyed by resource, so one resource's drift reports stay in order on one partition. */
    @Override
    public String subject() {
        return resourceId;
    }
}
