package dev.opsledger.access.grant.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record GrantDeprovisioningFailed(String grantId, String resourceId, String userId, String reason, int attempt,
                                        Instant retryAt) {
}
