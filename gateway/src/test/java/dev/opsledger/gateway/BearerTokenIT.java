package dev.opsledger.gateway;

import static dev.opsledger.gateway.GatewayEdgeTest.assertProblem;
import static dev.opsledger.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.opsledger.testkit.KeycloakServer;
import dev.opsledger.testkit.LocalJwtIssuer;

/**
 * The API chain against real Keycloak: its tokens pass; tokens it did not sign, tokens naming
 * another issuer and unsigned tokens are refused. (Expiry needs a Keycloak-signed old token,
 * which a test can't get without waiting out the lifespan: GatewayEdgeTest proves it with the
 * same decoder and a trusted local key.)
 */
class BearerTokenIT extends KeycloakGatewayTestBase {

    static final LocalJwtIssuer forger = LocalJwtIssuer.start();

    @AfterAll
    static void stopForger() {
        forger.close();
    }

    @Test
    void givenKeycloakToken_whenMe_thenAccepted(KeycloakServer keycloak) {
        var me = browser.get("/api/me", "Authorization", "Bearer " + keycloak.tokenFor("appr1"));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("name").asString()).isEqualTo("appr1");
        assertThat(json(me).get("roles").toString()).contains("\"approver\"");
        assertThat(json(me).get("via").asString()).isEqualTo("bearer");
    }

    @Test
    void givenKeycloakToken_whenServiceCalled_thenTokenPassedOnAsIs(KeycloakServer keycloak) {
        String token = keycloak.tokenFor("dev1");

        var response = browser.get("/api/environments", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(release.lastSeen().path()).isEqualTo("/environments");
        assertThat(release.lastSeen().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void givenRightClaimsSignedByAnotherKey_whenCalled_then401(KeycloakServer keycloak) {
        String forged = forger.token(claims -> claims.issuer(keycloak.issuerUri())
                .claim("preferred_username", "admin1"));

        assertProblem(browser.get("/api/me", "Authorization", "Bearer " + forged), 401);
    }

    @Test
    void givenTokenOfAnotherIssuer_whenCalled_then401() {
        assertProblem(browser.get("/api/me", "Authorization",
                forger.bearer("admin1", Set.of("admin"))), 401);
    }

    @Test
    void givenUnsignedAlgNoneTokenWithKeycloakIssuer_whenCalled_then401(KeycloakServer keycloak) {
        String unsigned = new com.nimbusds.jwt.PlainJWT(new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(keycloak.issuerUri()).audience(KeycloakServer.AUDIENCE).subject("x")
                .claim("preferred_username", "admin1")
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
                .build()).serialize();

        assertProblem(browser.get("/api/me", "Authorization", "Bearer " + unsigned), 401);
    }

    @Test
    void givenExpiredTokenOfTheRightIssuer_whenCalled_then401(KeycloakServer keycloak) {
        String expired = forger.token(claims -> claims.issuer(keycloak.issuerUri())
                .expirationTime(new java.util.Date(System.currentTimeMillis() - 3_600_000)));

        assertProblem(browser.get("/api/me", "Authorization", "Bearer " + expired), 401);
    }
}
