package dev.opsledger.access.resource.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Keycloak and the grants disagree about one user, seen for the first time.
 *
 * @param removing whether the member is being removed (an unmanaged member, and the rules say so)
 */
@Revision("1")
public record AccessDriftDetected(String resourceId, AccessTarget target, String userId, DriftKind kind,
                                  boolean removing, Instant detectedAt) {
}
