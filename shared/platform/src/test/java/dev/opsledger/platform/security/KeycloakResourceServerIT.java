package dev.opsledger.platform.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.opsledger.platform.error.OpsLedgerErrorAutoConfiguration;
import dev.opsledger.platform.web.OpsLedgerWebAutoConfiguration;
import dev.opsledger.testkit.KeycloakServer;
import dev.opsledger.testkit.WithKeycloak;

/**
 * The platform's resource server against the real Keycloak realm: its tokens (fetched by
 * password grant, keys fetched from the realm's JWKS by our decoder) are accepted with the realm
 * roles; tokens Keycloak did not sign, or changed after signing, are 401 problem details; a
 * valid token without the role is a 403 problem detail.
 */
@WebMvcTest
@WithKeycloak
@ContextConfiguration(classes = KeycloakResourceServerIT.TestApp.class)
@ImportAutoConfiguration({OpsLedgerWebAutoConfiguration.class, OpsLedgerErrorAutoConfiguration.class,
        OpsLedgerSecurityAutoConfiguration.class})
class KeycloakResourceServerIT {

    @Autowired
    MockMvc mvc;

    @Test
    void givenRealKeycloakToken_whenPlatformSecuredEndpointCalled_thenAcceptedWithUsernameAndRealmRoles(
            KeycloakServer keycloak) throws Exception {
        mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + keycloak.tokenFor("admin1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("admin1"))
                .andExpect(jsonPath("$.authorities").value(org.hamcrest.Matchers.hasItems("ROLE_admin", "ROLE_approver")));
    }

    @Test
    void givenRealTokenWithTheRole_whenRoleGatedEndpointCalled_thenAllowed(KeycloakServer keycloak) throws Exception {
        mvc.perform(get("/developers-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + keycloak.tokenFor("dev1")))
                .andExpect(status().isOk());
    }

    @Test
    void givenRealTokenWithoutTheRole_whenRoleGatedEndpointCalled_then403ProblemDetail(KeycloakServer keycloak)
            throws Exception {
        mvc.perform(get("/developers-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + keycloak.tokenFor("audit1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"))
                .andExpect(jsonPath("$.instance").value("/developers-only"))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    @Test
    void givenRealmClaimsSignedWithAnotherKey_whenCalled_then401ProblemDetail(KeycloakServer keycloak) throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(keyIdOf(keycloak.tokenFor("dev1"))).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID())
                .type(JOSEObjectType.JWT).build(), realmClaims(keycloak, "dev1", List.of("developer", "admin")));
        forged.sign(new RSASSASigner(foreign));

        expectUnauthorized(forged.serialize());
    }

    @Test
    void givenUnsignedAlgNoneTokenWithRealmClaims_whenCalled_then401ProblemDetail(KeycloakServer keycloak)
            throws Exception {
        expectUnauthorized(new PlainJWT(realmClaims(keycloak, "dev1", List.of("admin"))).serialize());
    }

    @Test
    void givenRealTokenWhosePayloadWasEdited_whenCalled_then401ProblemDetail(KeycloakServer keycloak)
            throws Exception {
        String[] parts = keycloak.tokenFor("dev1").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"developer\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        expectUnauthorized(tampered);
    }

    @Test
    void givenNoToken_whenCalled_then401ProblemDetailWithBearerChallenge() throws Exception {
        mvc.perform(get("/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }

    private ResultActions expectUnauthorized(String token) throws Exception {
        return mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("unauthenticated"))
                .andExpect(jsonPath("$.instance").value("/me"));
    }

    /** Claims as the realm writes them, so only the signature can tell the forgery apart. */
    private static JWTClaimsSet realmClaims(KeycloakServer keycloak, String username, List<String> roles) {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder()
                .issuer(keycloak.issuerUri())
                .audience(KeycloakServer.AUDIENCE)
                .subject("forged-" + username)
                .issueTime(new Date(now))
                .expirationTime(new Date(now + 300_000))
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles))
                .build();
    }

    private static String keyIdOf(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Configuration(proxyBeanMethods = false)
    @Import(SecuredTestController.class)
    static class TestApp {
    }
}
