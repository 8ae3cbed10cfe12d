package dev.opsledger.gateway;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.opsledger.gateway.support.GatewayClient;
import dev.opsledger.gateway.support.StandInService;
import dev.opsledger.testkit.KeycloakServer;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithKeycloak;

/**
 * The gateway against the testkit's real Keycloak (and Kafka for the live stream), with two stand-in services (release and
 * access, each with an audit log) and a backup service that is down. The ITs extending this
 * share one Spring context and one Keycloak.
 */
@WithKeycloak
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.keycloak.client-secret=" + KeycloakServer.GATEWAY_DEV_SECRET,
        "opsledger.gateway.services.access.enabled=true",
        "opsledger.gateway.services.backup.enabled=true",
        // Nothing listens on port 9: a service that is down.
        "opsledger.gateway.services.backup.uri=http://127.0.0.1:9",
        // Live streams notice a logout at their next heartbeat.
        "opsledger.gateway.live.heartbeat=1s"})
abstract class KeycloakGatewayTestBase {

    static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");

    static final StandInService release = StandInService.start("release")
            .audit(1, T0, "rm1", "ReleaseRegistered")
            .audit(2, T0.plusSeconds(3), "dev1", "PromotionRequested")
            .audit(3, T0.plusSeconds(4), "appr1", "PromotionApproved")
            .audit(4, T0.plusSeconds(9), "automation", "DeploymentSucceeded");
    static final StandInService access = StandInService.start("access")
            .audit(1, T0.plusSeconds(1), "dev1", "AccessRequested")
            .audit(2, T0.plusSeconds(2), "appr1", "AccessApproved")
            .audit(3, T0.plusSeconds(5), "access", "GrantProvisioned")
            .audit(4, T0.plusSeconds(6), "dev1", "GrantReleased")
            .audit(5, T0.plusSeconds(7), "audit1", "ReviewStarted")
            .chainBrokenAt(3L);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("opsledger.gateway.services.release.uri", () -> release.uri().toString());
        registry.add("opsledger.gateway.services.access.uri", () -> access.uri().toString());
    }

    @LocalServerPort
    int port;

    GatewayClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new GatewayClient(port);
        release.reset();
        access.reset();
    }
}
