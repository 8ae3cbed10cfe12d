package dev.opsledger.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak realm roles ({@code realm_access.roles}) to Spring authorities {@code ROLE_<role>}, so
 * code says {@code hasRole('developer')}. Role names are kept as Keycloak spells them
 * ({@code release-manager}): no upper-casing, so a role means the same thing in Keycloak, in
 * tokens and in {@code @PreAuthorize}.
 *
 * <p>Deliberately free of servlet and reactive types: the gateway (WebFlux) uses the same mapping,
 * wrapped in a {@code ReactiveJwtAuthenticationConverterAdapter}.
 */
public final class KeycloakRealmRoleConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String REALM_ACCESS_CLAIM = "realm_access";
    public static final String ROLES = "roles";
    public static final String ROLE_PREFIX = "ROLE_";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return realmRoles(jwt.getClaims()).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(ROLE_PREFIX + role))
                .toList();
    }

    /**
     * The realm roles in a claim set; empty when the claim is missing or not shaped as Keycloak
     * writes it (a malformed claim grants nothing rather than failing the request).
     */
    public static List<String> realmRoles(Map<String, Object> claims) {
        if (!(claims.get(REALM_ACCESS_CLAIM) instanceof Map<?, ?> realmAccess)) {
            return List.of();
        }
        if (!(realmAccess.get(ROLES) instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .filter(Objects::nonNull)
                .map(Object::toString)
                .filter(role -> !role.isBlank())
                .distinct()
                .toList();
    }
}
