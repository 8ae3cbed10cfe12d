package dev.opsledger.access.grant.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The membership is gone. Tokens issued before stay valid until {@code effectiveUntil}, which is
 * what "who had access at T" uses as the end.
 */
@Revision("1")
public record GrantEnded(String grantId, String resourceId, String userId, EndReason reason, Instant endedAt,
                         Instant effectiveUntil) {
}
