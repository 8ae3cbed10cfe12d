package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Duration;

/**
 * Asks for access to a resource for a while; the requester comes from the caller's token.
 *
 * @param resourceId     the resource; {@code null} for an extension (it is the grant's)
 * @param extendsGrantId the active grant this request would extend, or {@code null} for new access
 */
public record RequestAccess(String requestId, String resourceId, String justification, Duration duration,
                            String extendsGrantId, Actor requester) {
}
