package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@WithKeycloak
class KeycloakIT {

    private static final Set<String> OPSLEDGER_ROLES = Set.of(
            "developer", "release-manager", "approver", "backup-operator", "automation-admin", "auditor", "admin");

    @Test
    void givenDev1_whenPasswordGrant_thenSignedTokenWithDeveloperRoleAndAudience(KeycloakServer keycloak) throws Exception {
        String token = keycloak.passwordGrant("dev1", "dev1-pw");

        JWTClaimsSet claims = verified(keycloak, token);

        assertThat(claims.getIssuer()).isEqualTo(keycloak.issuerUri());
        assertThat(claims.getAudience()).contains(KeycloakServer.AUDIENCE);
        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("dev1");
        assertThat(realmRoles(claims)).contains("developer").doesNotContain("approver", "admin");
    }

    @Test
    void givenAdmin1_whenPasswordGrant_thenAdminAndApproverRoles(KeycloakServer keycloak) throws Exception {
        JWTClaimsSet claims = verified(keycloak, keycloak.tokenFor("admin1"));

        assertThat(realmRoles(claims)).contains("admin", "approver");
    }

    @Test
    void givenNobody1_whenPasswordGrant_thenNoOpsLedgerRole(KeycloakServer keycloak) throws Exception {
        JWTClaimsSet claims = verified(keycloak, keycloak.tokenFor("nobody1"));

        assertThat(realmRoles(claims)).doesNotContainAnyElementsOf(OPSLEDGER_ROLES);
    }

    @Test
    void givenWrongPassword_whenPasswordGrant_thenRefused(KeycloakServer keycloak) {
        assertThatThrownBy(() -> keycloak.passwordGrant("dev1", "wrong"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void givenGatewayClient_whenLoginStartedWithLoopbackRedirectAndPkce_thenLoginPageShown(KeycloakServer keycloak)
            throws Exception {
        String authorize = keycloak.issuerUri() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + KeycloakServer.GATEWAY_CLIENT_ID
                + "&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:18080/login/oauth2/code/keycloak", StandardCharsets.UTF_8)
                + "&scope=openid&state=s1&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("kc-form-login").doesNotContain("Invalid parameter");
        }
    }

    @Test
    void givenKeycloak_whenSpringPropertiesAsked_thenIssuerOfTheRealm(KeycloakServer keycloak) {
        assertThat(keycloak.properties())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.baseUrl() + "/realms/opsledger");
    }

    private static JWTClaimsSet verified(KeycloakServer keycloak, String token) throws Exception {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/certs").toURL())
                        .retrying(true)
                        .build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(KeycloakServer.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(keycloak.issuerUri()).build(), Set.of("sub", "exp", "iat")));
        return processor.process(token, null);
    }

    @SuppressWarnings("unchecked")
    static List<String> realmRoles(JWTClaimsSet claims) throws Exception {
        Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
        return realmAccess == null ? List.of() : (List<String>) realmAccess.getOrDefault("roles", List.of());
    }
}
