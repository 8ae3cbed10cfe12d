package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The membership is gone. Tokens issued before stay valid until {@code effectiveUntil}, which is
 * what "who had access at T" uses as the end.
 *
 * @param endedBy who ended it (the grantee, the revoker, or the service at expiry), as in {@link GrantEnding}
 * @param comment the revocation's reason, if any
 */
@Revision("1")
public record GrantEnded(String grantId, String resourceId, String userId, EndReason reason, Actor endedBy,
                         String comment, Instant endedAt, Instant effectiveUntil) {
}
