package dev.opsledger.access.resource.query;

import java.time.Instant;

/**
 * One disagreement between Keycloak and the grants.
 *
 * @param kind       {@code UNMANAGED_MEMBER} (in Keycloak without a grant) or {@code MISSING_MEMBERSHIP}
 * @param removing   whether the member is removed because the resource's rules say so
 * @param resolvedAt when they agreed again; {@code null} while the drift lasts
 */
public record DriftView(String resourceId, String userId, String kind, boolean removing, Instant detectedAt,
                        Instant removedAt, Instant resolvedAt) {
}
