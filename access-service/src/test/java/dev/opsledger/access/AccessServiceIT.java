package dev.opsledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.KeycloakServer;
import dev.opsledger.testkit.ServiceHttp;
import dev.opsledger.testkit.ServiceHttp.Response;
import dev.opsledger.testkit.TestInfrastructure;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithKeycloak;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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

    private final KeycloakServer keycloak = TestInfrastructure.keycloak();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keycloakAdmin(DynamicPropertyRegistry registry) {
        registry.add("opsledger.access.keycloak.base-url", () -> TestInfrastructure.keycloak().baseUrl());
    }

    @Test
    void givenARealmRoleResource_whenApprovedThenExpired_thenTokensGainThenLoseItAndHistoryAnswersForAnyInstant(
            KafkaBroker kafka) {
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

        // The grant's whole story is public, in order, under its id (ADR 013).
        String grantId = grant.path("grantId").asString();
        List<CloudEvent> published = publicEventsOf(grantId, "grant-expired", kafka);
        assertThat(published).extracting(CloudEvent::getType).containsExactly(
                "dev.opsledger.access.access-requested.v1", "dev.opsledger.access.access-request-approved.v1",
                "dev.opsledger.access.grant-activated.v1", "dev.opsledger.access.grant-expired.v1");
        assertThat(published).allSatisfy(event -> {
            assertThat(event.getSource()).hasToString(OpsLedgerService.ACCESS.source());
            assertThat(event.getSubject()).isEqualTo(grantId);
        });
        JsonNode expired = JSON.readTree(published.getLast().getData().toBytes());
        // The event carries the clock's nanoseconds, the view PostgreSQL's rounded microseconds.
        assertThat(Instant.parse(expired.path("effectiveUntil").asString()))
                .isCloseTo(effectiveUntil, within(1, ChronoUnit.MICROS));
        assertThat(JSON.readTree(published.getFirst().getData().toBytes()).path("requestId").asString())
                .isEqualTo(request);
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
        assertThat(post("/grants/" + grantId + "/revoke", developer, Map.of("reason", "x")).problemCode())
                .isEqualTo("grant.revoke-not-allowed");
        // rm1 is in the Keycloak group /teams/platform, the resource's owning team (ADR 014).
        assertThat(post("/grants/" + grantId + "/revoke", bearer("rm1"), Map.of("reason", "left the team"))
                .status()).isEqualTo(202);
        awaitGrant(request, developer, "REVOKED");
        assertThat(groups(passwordGrant("dev2").access())).doesNotContain("/deployers");
        assertThat(post("/grants/" + grantId + "/revoke", admin, Map.of("reason", "again")).problemCode())
                .isEqualTo("grant.already-ended");
    }

    @Test
    void givenAnActiveGrant_whenAReviewCampaignGoesUnanswered_thenTheGrantIsRevokedAtTheDeadline() {
        String admin = bearer("admin1");
        String developer = bearer("dev1");
        String approver = bearer("appr1");
        String resource = created(post("/resources", admin, resource("reviewed-" + UUID.randomUUID(),
                "KEYCLOAK_GROUP", "/deployers")));
        String request = created(post("/access-requests", developer, Map.of("resourceId", resource,
                "justification", "on call", "duration", "PT1H")));
        assertThat(post("/access-requests/" + request + "/approvals", approver, Map.of()).status()).isEqualTo(202);
        String grantId = awaitGrant(request, developer, "ACTIVE").path("grantId").asString();

        String review = created(post("/access-reviews", admin, Map.of("name", "IT review", "resourceId", resource,
                "reviewerRoles", List.of("approver"), "deadline", Instant.now().plusSeconds(20).toString())));
        // The item is in the approver's one inbox, not in the grantee's.
        await().atMost(ASYNC).until(() -> ids(get("/access-requests/pending", approver), "reviewId").contains(review));
        assertThat(ids(get("/access-requests/pending", developer), "reviewId")).doesNotContain(review);
        assertThat(post("/access-reviews/" + review + "/items/" + grantId + "/decision", developer,
                Map.of("decision", "KEEP", "comment", "mine")).problemCode()).isEqualTo("access-review.self-review");

        JsonNode revoked = awaitGrant(request, developer, "REVOKED");
        assertThat(revoked.path("endComment").asString()).contains("IT review");
        assertThat(groups(passwordGrant("dev1").access())).doesNotContain("/deployers");
        await().atMost(ASYNC).until(() -> "CLOSED".equals(get("/access-reviews/" + review, admin).body()
                .path("status").asString()));
        assertThat(get("/access-reviews/" + review, admin).body().path("items").get(0).path("decision").asString())
                .isEqualTo("UNANSWERED");
    }

    @Test
    void givenAMemberAddedByHandInKeycloak_whenReconciled_thenReportedAsDriftAndRemovedWhereTheRulesSaySo(
            KafkaBroker kafka) {
        String admin = bearer("admin1");
        String reporting = created(post("/resources", admin, resource("drift-report-" + UUID.randomUUID(),
                "KEYCLOAK_GROUP", "/deployers")));
        String nobody = keycloakAdmin(HttpRequest.newBuilder(URI.create(adminUrl("/users?exact=true&username=nobody1")))
                .GET()).body().get(0).path("id").asString();
        String group = keycloakAdmin(HttpRequest.newBuilder(URI.create(adminUrl("/group-by-path/deployers"))).GET())
                .body().path("id").asString();
        // By hand, behind the service's back: what the reconciliation exists to find.
        assertThat(keycloakAdmin(HttpRequest.newBuilder(URI.create(adminUrl("/users/" + nobody + "/groups/" + group)))
                .PUT(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(204);
        assertThat(groups(passwordGrant("nobody1").access())).contains("/deployers");

        await().atMost(ASYNC).until(() -> get("/resources/" + reporting, admin).status() == 200);
        assertThat(post("/resources/" + reporting + "/reconcile", admin, Map.of()).status()).isEqualTo(202);
        await().atMost(ASYNC).until(() -> ids(get("/resources/" + reporting + "/drift?open=true", admin), "userId")
                .contains(nobody));
        assertThat(groups(passwordGrant("nobody1").access())).as("only reported").contains("/deployers");
        assertThat(publicEventsOf(reporting, "access-drift-detected", kafka)).extracting(CloudEvent::getType)
                .contains("dev.opsledger.access.access-drift-detected.v1");

        Map<String, Object> removingBody = new HashMap<>(resource("drift-remove-" + UUID.randomUUID(),
                "KEYCLOAK_GROUP", "/deployers"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rules = new HashMap<>((Map<String, Object>) removingBody.get("rules"));
        rules.put("removeUnmanagedMembers", true);
        removingBody.put("rules", rules);
        String removing = created(post("/resources", admin, removingBody));
        await().atMost(ASYNC).until(() -> get("/resources/" + removing, admin).body().path("removeUnmanagedMembers")
                .asBoolean());
        assertThat(post("/resources/" + removing + "/reconcile", admin, Map.of()).status()).isEqualTo(202);
        assertThat(groups(passwordGrant("nobody1").access())).as("removed").doesNotContain("/deployers");
        assertThat(post("/resources/" + reporting + "/reconcile", admin, Map.of()).status()).isEqualTo(202);
        await().atMost(ASYNC).until(() -> !ids(get("/resources/" + reporting + "/drift?open=true", admin), "userId")
                .contains(nobody));
        assertThat(post("/resources/" + reporting + "/reconcile", bearer("dev1"), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void givenBadInput_whenSent_thenProblemsWithStableCodesAndNoServerError() {
        String admin = bearer("admin1");
        String developer = bearer("dev1");
        String resource = created(post("/resources", admin, resource("bad-input-" + UUID.randomUUID(),
                "KEYCLOAK_REALM_ROLE", "prod-db-read")));
        assertThat(post("/access-requests", developer, Map.of("resourceId", resource, "justification", "x",
                "duration", "PT9H")).problemCode()).isEqualTo("access-request.duration-out-of-range");
        // A negative duration never reaches the aggregate's rule: the platform refuses it at the edge.
        assertThat(post("/access-requests", developer, Map.of("resourceId", resource, "justification", "x",
                "duration", "-PT1H")).problemField()).isEqualTo("duration");
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
        // Base64 hides a NUL from the request filter; the cursor itself refuses it.
        String nulCursor = Base64.getUrlEncoder().encodeToString("2025-01-01T00:00:00Z/a\u0000b"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(get("/grants?cursor=" + nulCursor, developer).problemField()).isEqualTo("cursor");
        assertThat(get("/access-requests/pending?cursor=" + nulCursor, developer).problemField()).isEqualTo("cursor");
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

    /** The CloudEvents published under {@code key}, from the start of the topic until one of {@code lastType}. */
    private static List<CloudEvent> publicEventsOf(String key, String lastType, KafkaBroker kafka) {
        List<CloudEvent> events = new ArrayList<>();
        String topic = OpsLedgerService.ACCESS.eventsTopic();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "access-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            await().atMost(ASYNC).until(() -> !consumer.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(ASYNC).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        events.add(new JsonFormat().deserialize(record.value()));
                    }
                });
                return events.stream().anyMatch(e -> e.getType().contains("." + lastType + "."));
            });
        }
        return events;
    }

    private Response members(String resource, Instant at, String token) {
        return get("/resources/" + resource + "/members?at=" + at, token);
    }

    // ---- Keycloak tokens -------------------------------------------------------------------------

    private String adminUrl(String path) {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path;
    }

    /** A call to Keycloak's admin API as the service's own account (it holds manage-users). */
    private Response keycloakAdmin(HttpRequest.Builder request) {
        String token = tokenCall(Map.of("grant_type", "client_credentials", "client_id", "opsledger-access",
                "client_secret", "opsledger-access-dev-secret")).body().path("access_token").asString();
        return ServiceHttp.exchange(request.header("Authorization", "Bearer " + token));
    }

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
        return ServiceHttp.exchange(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
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

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    private Response post(String path, String token, Object body) {
        return http().post(path, token, body);
    }

    private Response get(String path, String token) {
        return http().get(path, token);
    }

    private static String created(Response response) {
        return response.createdId();
    }

    private static List<String> ids(Response response, String field) {
        return response.body().path("entries").valueStream().map(entry -> entry.path(field).asString()).toList();
    }
}
