package dev.opsledger.platform.metadata;

import dev.opsledger.platform.actor.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The authenticated caller of the current web request, if the thread serves one. */
final class CurrentActor {

    private CurrentActor() {
    }

    static Optional<Actor> fromSecurityContext() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            String subject = jwt.getToken().getSubject();
            if (subject != null && !subject.isBlank()) {
                return Optional.of(new Actor(subject, jwt.getToken().getClaimAsString("preferred_username"), null));
            }
        }
        return Optional.empty();
    }
}
