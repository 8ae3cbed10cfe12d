package dev.opsledger.access.grant.api;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an access token Keycloak issued stays valid. Removing a membership and ending the
 * user's sessions stops new tokens at once, but a token issued just before keeps its roles until
 * it expires: a grant's access is effective until its end plus this.
 */
public record AccessTokenLifespan(Duration lifespan) {

    public AccessTokenLifespan {
        if (lifespan == null || lifespan.isNegative()) {
            throw new IllegalArgumentException("token lifespan must be zero or positive");
        }
    }

    public Instant effectiveUntil(Instant endedAt) {
        return endedAt.plus(lifespan);
    }
}
