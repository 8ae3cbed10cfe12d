package dev.opsledger.access.grant.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GrantExtended(String grantId, String requestId, Instant previousExpiry, Instant expiresAt) {
}
