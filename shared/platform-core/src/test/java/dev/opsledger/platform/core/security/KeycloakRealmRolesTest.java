package dev.opsledger.platform.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRealmRolesTest {

    @Test
    void givenRealmRoles_whenConverted_thenRolePrefixedAuthorities() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("developer", "approver"))));

        var authorities = new KeycloakRealmRoles().convert(jwt);

        assertThat(authorities).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_approver", "ROLE_developer");
    }

    @Test
    void givenNoOrMalformedRealmAccess_whenConverted_thenNoAuthorities() {
        assertThat(new KeycloakRealmRoles().convert(jwt(Map.of("scope", "openid")))).isEmpty();
        assertThat(new KeycloakRealmRoles().convert(jwt(Map.of("realm_access", "admin")))).isEmpty();
        assertThat(new KeycloakRealmRoles().convert(jwt(Map.of("realm_access", Map.of("roles", "admin"))))).isEmpty();
    }

    @Test
    void givenClientRoles_whenConverted_thenIgnored() {
        Jwt jwt = jwt(Map.of("resource_access", Map.of("opsledger-gateway", Map.of("roles", List.of("admin")))));

        assertThat(new KeycloakRealmRoles().convert(jwt)).isEmpty();
    }

    @Test
    void givenAuthorities_whenRoleNamesAsked_thenOnlyRolesWithoutPrefix() {
        var authorities = KeycloakRealmRoles.authorities(Map.of("realm_access", Map.of("roles", List.of("auditor"))));

        assertThat(KeycloakRealmRoles.roleNames(authorities)).containsExactly("auditor");
    }

    @Test
    void givenDuplicateAndBlankRoles_whenConverted_thenEachRoleOnce() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("admin", "admin", " "))));

        assertThat(new KeycloakRealmRoles().convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_admin");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("s")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .claims(all -> all.putAll(claims)).build();
    }
}
