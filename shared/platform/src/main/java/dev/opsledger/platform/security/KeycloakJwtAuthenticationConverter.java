package dev.opsledger.platform.security;

import dev.opsledger.platform.core.security.KeycloakRealmRoles;
import java.util.Collection;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A Keycloak access token to an authentication whose name is the human-readable
 * {@code preferred_username} (what logs and the audit trail show) and whose authorities are the
 * realm roles. Falls back to {@code sub} for tokens without a username, e.g. service accounts
 * configured not to emit one.
 */
public final class KeycloakJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String PREFERRED_USERNAME = "preferred_username";

    private final Converter<Jwt, Collection<GrantedAuthority>> authorities;

    public KeycloakJwtAuthenticationConverter() {
        this(new KeycloakRealmRoles());
    }

    public KeycloakJwtAuthenticationConverter(Converter<Jwt, Collection<GrantedAuthority>> authorities) {
        this.authorities = authorities;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities.convert(jwt), principalName(jwt));
    }

    public static String principalName(Jwt jwt) {
        String username = jwt.getClaimAsString(PREFERRED_USERNAME);
        return username != null && !username.isBlank() ? username : jwt.getClaimAsString(JwtClaimNames.SUB);
    }
}
