package dev.opsledger.access.resource.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member without a grant was removed from Keycloak (and their sessions ended), as the rules say. */
@Revision("1")
public record UnmanagedMemberRemoved(String resourceId, String userId, Instant removedAt) {
}
