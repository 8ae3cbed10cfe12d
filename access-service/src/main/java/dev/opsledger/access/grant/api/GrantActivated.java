package dev.opsledger.access.grant.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GrantActivated(String grantId, String resourceId, String userId, Instant activatedAt,
                             Instant expiresAt) {
}
