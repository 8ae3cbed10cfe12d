package dev.opsledger.access.resource.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Keycloak and the grants agree about the user again (removed, granted, or restored by hand). */
@Revision("1")
public record AccessDriftResolved(String resourceId, String userId, DriftKind kind, Instant resolvedAt) {
}
