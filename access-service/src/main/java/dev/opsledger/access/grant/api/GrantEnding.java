package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The grant is to end; the saga removes the membership. Until {@link GrantEnded}, Keycloak may
 * still have it, so the grant is not reported as ended.
 */
@Revision("1")
public record GrantEnding(String grantId, EndReason reason, Actor endedBy, String comment, Instant at) {
}
