package dev.opsledger.platform.web;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.core.security.KeycloakRealmRoles;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller as the domain sees it: token subject, readable name and realm roles. Commands whose
 * rules depend on who asks (approvals, overrides, results) carry it, so the aggregate decides.
 */
public final class Caller {

    private Caller() {
    }

    public static Actor of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            // The resource server admits bearer tokens only; anything else is a wiring mistake.
            throw new IllegalStateException("OpsLedger services serve bearer-token callers only, not "
                    + (authentication == null ? "anonymous ones" : authentication.getClass().getSimpleName()));
        }
        return new Actor(token.getToken().getSubject(), token.getName(),
                KeycloakRealmRoles.roleNames(token.getAuthorities()));
    }
}
