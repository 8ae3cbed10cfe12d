package dev.opsledger.gateway.me;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.opsledger.platform.core.security.KeycloakRealmRoles;

/** Who the gateway thinks the caller is; the portal calls it to know whether it is logged in. */
@RestController
public class MeController {

    public record Me(String name, String subject, Set<String> roles, String via) {
    }

    @GetMapping("/api/me")
    public Me me(Authentication authentication) {
        Set<String> roles = KeycloakRealmRoles.roleNames(authentication.getAuthorities());
        if (authentication instanceof JwtAuthenticationToken bearer) {
            var jwt = bearer.getToken();
            String name = jwt.getClaimAsString("preferred_username");
            return new Me(name != null ? name : jwt.getSubject(), jwt.getSubject(), roles, "bearer");
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            String name = user.getPreferredUsername();
            return new Me(name != null ? name : user.getSubject(), user.getSubject(), roles, "session");
        }
        return new Me(authentication.getName(), authentication.getName(), roles, "other");
    }
}
