package dev.opsledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class KeycloakJwtAuthenticationConverterTest {

    private final KeycloakJwtAuthenticationConverter authentication = new KeycloakJwtAuthenticationConverter();

    @Test
    void givenPreferredUsername_whenAuthenticated_thenItIsThePrincipalName() {
        Jwt jwt = jwt(claims -> {
            claims.put("preferred_username", "dev1");
            claims.put("realm_access", Map.of("roles", List.of("developer")));
        });

        JwtAuthenticationToken token = (JwtAuthenticationToken) authentication.convert(jwt);

        assertThat(token.getName()).isEqualTo("dev1");
        assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_developer");
        assertThat(token.getToken()).isSameAs(jwt);
    }

    @Test
    void givenNoPreferredUsername_whenAuthenticated_thenTheSubjectIsThePrincipalName() {
        assertThat(authentication.convert(jwt(claims -> { })).getName()).isEqualTo("3f1c-subject");
    }

    private static Jwt jwt(Consumer<Map<String, Object>> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("3f1c-subject")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        builder.claims(claims);
        return builder.build();
    }
}
