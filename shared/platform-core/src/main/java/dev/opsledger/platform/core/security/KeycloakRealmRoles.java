package dev.opsledger.platform.core.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The one mapping from Keycloak realm roles ({@code realm_access.roles}) to Spring authorities
 * {@code ROLE_<role>}, for the services (servlet resource servers) and the gateway (bearer tokens
 * and the access token behind a browser session) alike. Role names are kept as Keycloak spells
 * them ({@code release-manager}): no upper-casing, so a role means the same thing in Keycloak, in
 * tokens and in {@code @PreAuthorize}. Client roles and scopes are deliberately ignored: OpsLedger
 * authorizes on realm roles.
 */
public final class KeycloakRealmRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String REALM_ACCESS_CLAIM = "realm_access";
    public static final String ROLES = "roles";
    public static final String ROLE_PREFIX = "ROLE_";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return authorities(jwt.getClaims());
    }

    public static List<GrantedAuthority> authorities(Map<String, Object> claims) {
        return roles(claims).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + role))
                .toList();
    }

    /**
     * Realm role names, sorted and each once; empty when the claim is missing or not shaped as
     * Keycloak writes it (a malformed claim grants nothing rather than failing the request).
     */
    public static Set<String> roles(Map<String, Object> claims) {
        if (!(claims.get(REALM_ACCESS_CLAIM) instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get(ROLES) instanceof Collection<?> roles)) {
            return Set.of();
        }
        return roles.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(role -> !role.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Role names back from authorities, for answers like /api/me and for the domain's {@code Actor}. */
    public static Set<String> roleNames(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
