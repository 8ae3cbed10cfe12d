package dev.opsledger.access.grant.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GrantProvisioningFailed(String grantId, String reason, int attempt, Instant retryAt) {
}
