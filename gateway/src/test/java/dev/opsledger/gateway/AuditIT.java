package dev.opsledger.gateway;

import static dev.opsledger.gateway.GatewayEdgeTest.assertProblem;
import static dev.opsledger.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.opsledger.gateway.support.KeycloakLogin;
import dev.opsledger.testkit.KeycloakServer;

/** {@code /api/audit} over two stand-in services and one that is down, with real Keycloak tokens. */
class AuditIT extends KeycloakGatewayTestBase {

    @Test
    void givenAuditor_whenPagingThroughAudit_thenBothServicesInTimeOrderWithoutGapsOrRepeats(KeycloakServer keycloak) {
        String bearer = "Bearer " + keycloak.tokenFor("audit1");
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var response = browser.get("/api/audit?limit=3" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), "Authorization", bearer);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response);
            assertThat(page.get("entries").size()).isLessThanOrEqualTo(3);
            page.get("entries").forEach(entries::add);
            assertThat(page.get("missing").toString())
                    .isEqualTo("[{\"service\":\"backup\",\"reason\":\"unreachable\"}]");
            cursor = page.get("entries").isEmpty() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(4);
        assertThat(entries).extracting(entry -> entry.get("service").asString() + ":" + entry.get("type").asString())
                .containsExactly(
                        "release:ReleaseRegistered", "access:AccessRequested", "access:AccessApproved",
                        "release:PromotionRequested", "release:PromotionApproved", "access:GrantProvisioned",
                        "access:GrantReleased", "access:ReviewStarted", "release:DeploymentSucceeded");
        assertThat(release.seen()).allSatisfy(seen -> assertThat(seen.username()).isEqualTo("audit1"));
    }

    @Test
    void givenFilters_whenAuditQueried_thenPassedToEveryService(KeycloakServer keycloak) {
        var response = browser.get("/api/audit?actor=dev1&from=2026-03-02T12:00:00Z&type=Promotion%2BRequested"
                + "&correlationId=corr-2&aggregateType=Release&aggregateId=r-1",
                "Authorization", "Bearer " + keycloak.tokenFor("admin1"));

        assertThat(response.statusCode()).isEqualTo(200);
        for (var service : List.of(release, access)) {
            assertThat(service.lastSeen().path()).isEqualTo("/audit");
            assertThat(service.lastSeen().query())
                    .contains("actor=dev1", "from=2026-03-02T12%3A00%3A00Z", "type=Promotion%2BRequested",
                            "correlationId=corr-2", "aggregateType=Release", "aggregateId=r-1", "limit=50");
        }
    }

    @Test
    void givenAuditorSession_whenAuditQueried_thenServicesCalledWithTheUsersToken() {
        KeycloakLogin.login(browser, "audit1", "audit1-pw");

        var response = browser.get("/api/audit?limit=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("entries").size()).isEqualTo(2);
        assertThat(access.lastSeen().username()).isEqualTo("audit1");
    }

    @Test
    void givenDeveloper_whenAuditQueried_then403(KeycloakServer keycloak) {
        assertProblem(browser.get("/api/audit", "Authorization", "Bearer " + keycloak.tokenFor("dev1")), 403);
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenOneBrokenChainAndOneServiceDown_whenVerified_thenInvalidNamingBothAndTheIntactOne(KeycloakServer keycloak) {
        var response = browser.get("/api/audit/verify", "Authorization", "Bearer " + keycloak.tokenFor("audit1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verification = json(response);
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("chains").toString()).isEqualTo("["
                + "{\"service\":\"access\",\"valid\":false,\"entries\":2,\"firstBrokenGlobalIndex\":3,"
                + "\"reason\":\"hash does not match the entry's content\",\"tampering\":\"CHANGED\","
                + "\"checkpointGlobalIndex\":5,\"checkpointTime\":\"2026-11-30T10:00:00Z\",\"rejectedCheckpoints\":0},"
                + "{\"service\":\"release\",\"valid\":true,\"entries\":4,\"checkpointGlobalIndex\":4,"
                + "\"checkpointTime\":\"2026-11-30T10:00:00Z\",\"rejectedCheckpoints\":0}]");
        assertThat(verification.get("missing").toString())
                .isEqualTo("[{\"service\":\"backup\",\"reason\":\"unreachable\"}]");
        assertThat(release.lastSeen().path()).isEqualTo("/audit/verify");
        assertThat(release.lastSeen().username()).isEqualTo("audit1");
    }

    @Test
    void givenDeveloper_whenChainsVerified_then403(KeycloakServer keycloak) {
        assertProblem(browser.get("/api/audit/verify", "Authorization", "Bearer " + keycloak.tokenFor("dev1")), 403);
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenForeignCursor_whenAuditQueried_then400Problem(KeycloakServer keycloak) {
        var response = browser.get("/api/audit?cursor=bm90LWEtY3Vyc29y",
                "Authorization", "Bearer " + keycloak.tokenFor("audit1"));
        assertProblem(response, 400);
        assertThat(json(response).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void givenTimeThatIsNoInstant_whenAuditQueried_then400ProblemNamingTheParameter(KeycloakServer keycloak) {
        var response = browser.get("/api/audit?from=yesterday", "Authorization", "Bearer " + keycloak.tokenFor("audit1"));

        assertProblem(response, 400);
        assertThat(json(response).get("code").asString()).isEqualTo("audit.time-invalid");
        assertThat(json(response).get("field").asString()).isEqualTo("from");
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenServiceFilter_whenAuditQueried_thenOnlyThatServiceAskedAndNoOtherMissing(KeycloakServer keycloak) {
        var response = browser.get("/api/audit?service=access&limit=50",
                "Authorization", "Bearer " + keycloak.tokenFor("audit1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("entries").size()).isPositive();
        assertThat(page.get("entries")).allSatisfy(entry -> assertThat(entry.get("service").asString()).isEqualTo("access"));
        assertThat(page.get("missing").size()).as("the down backup service was not asked").isZero();
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenServiceNotSwitchedOn_whenAuditQueried_then400ProblemNamingTheChoices(KeycloakServer keycloak) {
        var response = browser.get("/api/audit?service=payroll", "Authorization", "Bearer " + keycloak.tokenFor("audit1"));

        assertProblem(response, 400);
        assertThat(json(response).get("code").asString()).isEqualTo("audit.service-unknown");
        assertThat(json(response).get("field").asString()).isEqualTo("service");
        assertThat(json(response).get("detail").asString()).contains("access", "release");
        assertThat(release.seen()).isEmpty();
    }
}
