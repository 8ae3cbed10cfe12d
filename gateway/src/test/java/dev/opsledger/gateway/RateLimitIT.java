package dev.opsledger.gateway;

import static dev.opsledger.gateway.GatewayEdgeTest.assertProblem;
import static dev.opsledger.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.opsledger.gateway.support.GatewayClient;
import dev.opsledger.testkit.KeycloakServer;
import dev.opsledger.testkit.WithKeycloak;

/** A caller over its budget gets 429 with Retry-After; other callers are unaffected. */
@WithKeycloak
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.keycloak.client-secret=" + KeycloakServer.GATEWAY_DEV_SECRET,
        "opsledger.gateway.rate-limit.capacity=3",
        "opsledger.gateway.rate-limit.refill-per-second=1"})
class RateLimitIT {

    @LocalServerPort
    int port;

    @Test
    void givenCallerOverBudget_whenCalling_then429ProblemWithRetryAfterAndOthersStillServed(KeycloakServer keycloak) {
        var client = new GatewayClient(port);
        String dev1 = "Bearer " + keycloak.tokenFor("dev1");
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/me", "Authorization", dev1).statusCode()).isEqualTo(200);
        }

        var refused = client.get("/api/me", "Authorization", dev1);

        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(refused).get("retryAfterSeconds").asInt()).isEqualTo(1);
        assertThat(client.get("/api/me", "Authorization", "Bearer " + keycloak.tokenFor("appr1")).statusCode())
                .isEqualTo(200);
    }
}
