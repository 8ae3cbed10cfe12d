package dev.opsledger.release.web;

import dev.opsledger.platform.actor.Actor;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller as the domain sees it: token subject, readable name and realm roles. Commands whose
 * rules depend on who asks (approvals, overrides, results) carry it, so the aggregate decides.
 */
public final class Caller {

    private static final String ROLE_PREFIX = "ROLE_";

    private Caller() {
    }

    public static Actor of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("release-service only serves bearer-token callers");
        }
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toSet());
        return new Actor(token.getToken().getSubject(), token.getName(), roles);
    }
}
