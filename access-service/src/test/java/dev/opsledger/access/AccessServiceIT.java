package dev.opsledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.testkit.KeycloakServer;
import dev.opsledger.testkit.TestInfrastructure;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithKeycloak;
import dev.opsledger.testkit.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real Keycloak: grants really change what a user's fresh token carries,
 * expiry and revocation really take it away and end the user's sessions, and the grant history
 * answers "who had access at T". Real PostgreSQL and Kafka, tokens from Keycloak itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // JobRunr's minimum poll interval: a deadline that is due fires within five seconds.
        "jobrunr.background-job-server.poll-interval-in-seconds=5",
        // Short, so "effective until" (end + token lifespan) passes within the test.
        "opsledger.access.token-lifespan=PT2S"})
@DirtiesContext
@WithPostgres
@WithKafka
@WithKeycloak
class AccessServiceIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final KeycloakServer keycloak = TestInfrastructure.keycloak();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keycloakAdmin(DynamicPropertyRegistry registry) {
        registry.add("opsledger.access.keycloak.base-url", () -> TestInfrastructure.keycloak().baseUrl());
    }

    @Test
    void givenARealmRoleResource_whenApprovedThenExpired_thenTokensGainThenLoseItAndHistoryAnswersForAnyInstant() {
        String admin = bearer("admin1");
        String developer = bearer("dev1");
        String approver = bearer("appr1");
        String resource = created(post("/resources", admin, resource("prod-db-read-" + UUID.randomUUID(),
                "KEYCLOAK_REALM_ROLE", "prod-db-read")));
        Instant beforeGrant = Instant.now();

        String request = created(post("/access-requests", developer, Map.of("resourceId", resource,
                "justification", "incident INC-1", "duration", "PT15S")));
        assertThat(post("/access-requests", developer, Map.of("resourceId", resource, "justification", "again",
                "duration", "PT15S")).problemCode()).isEqualTo("access-request.already-active");
        await().atMost(ASYNC).until(() -> ids(get("/access-requests/pending", approver), "requestId").contains(request));
        assertThat(ids(get("/access-requests/pending", developer), "requestId")).doesNotContain(request);
        // Four eyes and the policy's roles, enforced by the aggregate: a developer may not approve.
        assertThat(post("/access-requests/" + request + "/approvals", developer, Map.of()).problemCode())
                .isIn("approval.self-approval", "approval.role-not-allowed");
        assertThat(post("/access-requests/" + request + "/approvals", approver, Map.of("comment", "ok")).status())
                .isEqualTo(202);

        JsonNode grant = awaitGrant(request, developer, "ACTIVE");
        Tokens dev1 = passwordGrant("dev1");
        assertThat(realmRoles(dev1.access())).contains("prod-db-read");
        Instant during = Instant.now();

        // The clock started at activation: fifteen seconds later the saga's deadline expires it.
        JsonNode ended = awaitGrant(request, developer, "EXPIRED");
        assertThat(realmRoles(passwordGrant("dev1").access())).doesNotContain("prod-db-read");
        assertThat(refresh(dev1.refresh())).as("the session was ended with the grant").isEqualTo(400);

        Instant effectiveUntil = Instant.parse(ended.path("effectiveUntil").asString());
        await().atMost(ASYNC).until(() -> Instant.now().isAfter(effectiveUntil.plusSeconds(1)));
        assertThat(ids(members(resource, beforeGrant, admin), "grantId")).isEmpty();
        assertThat(members(resource, during, admin).body().path("entries").get(0).path("approvers").get(0).asString())
                .isEqualTo("appr1");
        assertThat(ids(members(resource, during, admin), "grantId")).containsExactly(grant.path("grantId").asString());
        assertThat(ids(members(resource, effectiveUntil.plusSeconds(1), admin), "grantId")).isEmpty();
        assertThat(get("/resources/" + resource + "/members?at=" + Instant.now().plusSeconds(3600), admin)
                .problemField()).isEqualTo("at");
        assertThat(get("/resources/" + resource + "/members?at=yesterday", admin).status()).isEqualTo(400);
        assertThat(get("/resources/" + resource + "/members", developer).status()).isEqualTo(403);
    }

    @Test
    void givenAGroupResource_whenAnActiveGrantIsRevoked_thenAFreshTokenLacksTheGroupAtOnce() {
        String admin = bearer("admin1");
        String developer = bearer("dev2");
        String approver = bearer("appr2");
        String resource = created(post("/resources", admin, resource("deployers-" + UUID.randomUUID(),
                "KEYCLOAK_GROUP", "/deployers")));
        String request = created(post("/access-requests", developer, Map.of("resourceId", resource,
                "justification", "release train", "duration", "PT1H")));
        assertThat(post("/access-requests/" + request + "/approvals", approver, Map.of()).status()).isEqualTo(202);
        JsonNode grant = awaitGrant(request, developer, "ACTIVE");
        assertThat(groups(passwordGrant("dev2").access())).contains("/deployers");
        // Nobody reads another's grant without a role that sees everyone's.
        assertThat(get("/grants/" + grant.path("grantId").asString(), bearer("dev1")).status()).isEqualTo(404);

        String grantId = grant.path("grantId").asString();
        assertThat(post("/grants/" + grantId + "/revoke", developer, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(post("/grants/" + grantId + "/revoke", admin, Map.of("reason", "left the team")).status())
                .isEqualTo(202);
        awaitGrant(request, developer, "REVOKED");
        assertThat(groups(passwordGrant("dev2").access())).doesNotContain("/deployers");
        assertThat(post("/grants/" + grantId + "/revoke", admin, Map.of("reason", "again")).problemCode())
                .isEqualTo("grant.already-ended");
    }

    @Test
    void givenBadInput_whenSent_thenProblemsWithStableCodesAndNoServerError() {
        String admin = bearer("admin1");
        String developer = bearer("dev1");
        String resource = created(post("/resources", admin, resource("bad-input-" + UUID.randomUUID(),
                "KEYCLOAK_REALM_ROLE", "prod-db-read")));
        assertThat(post("/access-requests", developer, Map.of("resourceId", resource, "justification", "x",
                "duration", "PT9H")).problemCode()).isEqualTo("access-request.duration-out-of-range");
        assertThat(post("/access-requests", developer, Map.of("resourceId", resource, "justification", "x",
                "duration", "-PT1H")).problemCode()).isEqualTo("access-request.duration-out-of-range");
        assertThat(post("/access-requests", developer, Map.of("resourceId", resource, "justification", "x",
                "duration", "PT99999999999999999999H")).status()).isEqualTo(400);
        assertThat(post("/access-requests", developer, Map.of("resourceId", resource, "duration", "PT1H"))
                .problemField()).isEqualTo("justification");
        assertThat(post("/access-requests", developer, Map.of("resourceId", resource, "justification", "a\u0000b",
                "duration", "PT1H")).problemField()).isEqualTo("justification");
        assertThat(post("/access-requests", developer, Map.of("resourceId", UUID.randomUUID().toString(),
                "justification", "x", "duration", "PT1H")).problemCode()).isEqualTo("resource.not-found");
        assertThat(post("/access-requests", bearer("audit1"), Map.of("resourceId", resource, "justification", "x",
                "duration", "PT1H")).problemCode()).isEqualTo("access-request.role-not-allowed");
        assertThat(post("/resources/" + resource + "/break-glass", bearer("appr1"), Map.of("justification", "x"))
                .problemCode()).isEqualTo("break-glass.not-allowed");
        var wrongKind = resource("k-" + UUID.randomUUID(), "NOT_A_KIND", "x");
        assertThat(post("/resources", admin, wrongKind).status()).isEqualTo(400);
        assertThat(post("/resources", developer, resource("r-" + UUID.randomUUID(), "KEYCLOAK_GROUP", "/deployers"))
                .status()).isEqualTo(403);
        assertThat(get("/grants?state=NOPE", developer).problemField()).isEqualTo("state");
        assertThat(get("/grants?limit=100000", developer).status()).isEqualTo(400);
    }

    private static Map<String, Object> resource(String name, String kind, String target) {
        return Map.of("name", name, "owningTeam", "platform", "kind", kind, "target", target,
                "rules", Map.of("approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                                "fourEyes", true, "decisionTimeout", "PT8H"),
                        "maxDuration", "PT8H", "requesterRoles", List.of("developer"),
                        "breakGlass", Map.of("roles", List.of("developer"), "duration", "PT1H")));
    }

    private JsonNode awaitGrant(String request, String token, String status) {
        JsonNode[] found = new JsonNode[1];
        // On a timeout, the grants seen say why (a provisioning failure carries its reason).
        await().atMost(ASYNC).alias(request + " to become " + status).conditionEvaluationListener(condition -> {
            if (condition.getRemainingTimeInMS() <= 1000) {
                System.err.println("grants seen: " + get("/grants?limit=500", token).body());
            }
        }).until(() -> {
            for (JsonNode grant : get("/grants?limit=500", token).body().path("entries")) {
                if (request.equals(grant.path("requestId").asString())) {
                    found[0] = grant;
                    return status.equals(grant.path("status").asString());
                }
            }
            return false;
        });
        return found[0];
    }

    private Response members(String resource, Instant at, String token) {
        return get("/resources/" + resource + "/members?at=" + at, token);
    }

    // ---- Keycloak tokens -------------------------------------------------------------------------

    record Tokens(String access, String refresh) {
    }

    private String bearer(String user) {
        return "Bearer " + keycloak.tokenFor(user);
    }

    private Tokens passwordGrant(String user) {
        JsonNode body = tokenCall(Map.of("grant_type", "password", "client_id", KeycloakServer.CLI_CLIENT_ID,
                "username", user, "password", user + "-pw", "scope", "openid")).body();
        return new Tokens(body.path("access_token").asString(), body.path("refresh_token").asString());
    }

    private int refresh(String refreshToken) {
        return tokenCall(Map.of("grant_type", "refresh_token", "client_id", KeycloakServer.CLI_CLIENT_ID,
                "refresh_token", refreshToken)).status();
    }

    private Response tokenCall(Map<String, String> form) {
        String encoded = String.join("&", form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)), null, false);
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static List<String> realmRoles(String token) {
        return claims(token).path("realm_access").path("roles").valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> groups(String token) {
        return claims(token).path("groups").valueStream().map(JsonNode::asString).toList();
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    record Response(int status, JsonNode body, String location) {

        String problemCode() {
            return body.path("code").asString();
        }

        String problemField() {
            return body.path("errors").path(0).path("field").asString();
        }
    }

    private Response post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(
                JSON.writeValueAsBytes(body))), token, true);
    }

    private Response get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token, true);
    }

    private Response send(HttpRequest.Builder request, String token, boolean json) {
        try {
            if (token != null) {
                request.header("Authorization", token);
            }
            if (json) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("id").asString();
    }

    private static List<String> ids(Response response, String field) {
        return response.body().path("entries").valueStream().map(entry -> entry.path(field).asString()).toList();
    }
}
