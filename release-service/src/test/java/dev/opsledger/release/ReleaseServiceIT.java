package dev.opsledger.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.axon.TokenOwner;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.MutableClock;
import dev.opsledger.testkit.ServiceHttp;
import dev.opsledger.testkit.ServiceHttp.Response;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as clients see it: real PostgreSQL and Kafka, bearer tokens from the testkit's
 * local issuer, plain HTTP, and a plain Kafka consumer as another team would write it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // JobRunr's minimum poll interval: a deadline that is due fires within five seconds.
        properties = "jobrunr.background-job-server.poll-interval-in-seconds=5")
// Closed after the class while PostgreSQL still runs (see the platform's KafkaBridgeIT).
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class ReleaseServiceIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();

    @LocalServerPort
    int port;

    /** The service's "now": real time, except while a test holds it still. */
    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenOwner tokenOwner;

    @TestConfiguration
    static class HeldClock {

        @Bean
        @Primary
        MutableClock heldClock() {
            return MutableClock.following(Instant::now);
        }
    }

    @AfterEach
    void realTime() {
        clock.follow(Instant::now);
    }

    private String developer;
    private String releaseManager;
    private String firstApprover;
    private String secondApprover;
    private String auditor;

    private String tokens() {
        developer = issuer.bearer("dev1", Set.of("developer"));
        releaseManager = issuer.bearer("rm1", Set.of("release-manager"));
        firstApprover = issuer.bearer("appr1", Set.of("approver"));
        secondApprover = issuer.bearer("appr2", Set.of("approver"));
        auditor = issuer.bearer("audit1", Set.of("auditor"));
        return developer;
    }

    @Test
    void givenThreeEnvironments_whenReleasePromotedDevQaProd_thenBoardLedgerAuditAndKafkaTellTheSameStory(
            KafkaBroker kafka) {
        tokens();
        // Held still until prod is approved and waiting, so prod's window, which opens ten
        // seconds after this instant, cannot have opened yet however slow the steps before are.
        clock.set(Instant.now());
        String application = registerApplicationWithLifecycle();
        String release = created(post("/releases", developer, Map.of("applicationId", application, "version", "1.0.0",
                "commitSha", "9fceb02d0ae598e95dc970b74767f19372d61af8", "artifactReference",
                "registry.example.org/billing:1.0.0", "notes", "first release")));

        String toDev = promote(release, "dev");
        deploy(toDev);

        String toQa = promote(release, "qa");
        awaitStatus(toQa, "AWAITING_APPROVAL");
        assertThat(ids(get("/approvals/pending", firstApprover))).contains(toQa);
        assertThat(ids(get("/approvals/pending", developer))).doesNotContain(toQa);
        // Four eyes, enforced by the aggregate: the requester cannot approve their own promotion.
        assertThat(post("/promotions/" + toQa + "/approvals", developer, Map.of()).problemCode())
                .isEqualTo("approval.self-approval");
        assertThat(post("/promotions/" + toQa + "/approvals", firstApprover, Map.of("comment", "QA ready")).status())
                .isEqualTo(202);
        deploy(toQa);

        String toProd = promote(release, "prod");
        awaitStatus(toProd, "AWAITING_APPROVAL");
        assertThat(post("/promotions/" + toProd + "/approvals", firstApprover, Map.of("comment", "ok")).status())
                .isEqualTo(202);
        assertThat(post("/promotions/" + toProd + "/approvals", firstApprover, Map.of("comment", "again"))
                .problemCode()).isEqualTo("approval.already-decided");
        assertThat(post("/promotions/" + toProd + "/approvals", secondApprover, Map.of("comment", "ok")).status())
                .isEqualTo(202);
        // Prod's window opens ten seconds after the held instant: the promotion waits, then a deadline starts it.
        awaitStatus(toProd, "WAITING_FOR_WINDOW");
        clock.follow(Instant::now);
        deploy(toProd);

        JsonNode board = get("/environments/board?application=" + application, auditor).body();
        assertThat(board.path("environments").valueStream()
                .map(slot -> slot.path("environment").asString() + "="
                        + slot.path("current").path("version").asString())
                .toList()).containsExactly("dev=1.0.0", "qa=1.0.0", "prod=1.0.0");

        JsonNode firstPage = get("/deployments?application=" + application + "&limit=2", auditor).body();
        assertThat(firstPage.path("entries").valueStream().map(e -> e.path("environment").asString()).toList())
                .containsExactly("prod", "qa");
        JsonNode secondPage = get("/deployments?application=" + application + "&limit=2&cursor="
                + firstPage.path("nextCursor").asString(), auditor).body();
        assertThat(secondPage.path("entries").valueStream().map(e -> e.path("outcome").asString()).toList())
                .containsExactly("DEPLOYED");
        assertThat(secondPage.path("nextCursor").isNull()).isTrue();

        await().atMost(ASYNC).untilAsserted(() -> assertThat(
                get("/audit?aggregateId=" + toProd + "&limit=100", auditor).body().path("entries").valueStream()
                        .filter(e -> e.path("type").asString().equals("PromotionApprovalGiven"))
                        .map(e -> e.path("actorName").asString()).toList())
                .containsExactly("appr1", "appr2"));
        // One correlation id tells the promotion's whole story: request, both approvals, deployment.
        String chain = get("/audit?aggregateId=" + toProd + "&type=PromotionRequested", auditor).body()
                .path("entries").get(0).path("correlationId").asString();
        await().atMost(ASYNC).untilAsserted(() -> assertThat(
                get("/audit?correlationId=" + chain + "&limit=100", auditor).body().path("entries").valueStream()
                        .map(e -> e.path("actorName").asString() + ":" + e.path("type").asString()).toList())
                .contains("dev1:PromotionRequested", "appr1:PromotionApprovalGiven", "appr2:PromotionApprovalGiven",
                        "rm1:DeploymentSucceeded"));
        // The window opening started prod's deployment: the service did it, because of appr2's approval.
        await().atMost(ASYNC).untilAsserted(() -> {
            List<JsonNode> story = get("/audit?aggregateId=" + toProd + "&limit=100", auditor).body().path("entries")
                    .valueStream().toList();
            JsonNode approved = entryOfType(story, "PromotionApproved");
            JsonNode started = entryOfType(story, "DeploymentStarted");
            assertThat(approved.path("actorName").asString()).isEqualTo("appr2");
            assertThat(started.path("actorId").asString()).isEqualTo("system:release-service");
            assertThat(started.path("actorName").asString()).isEqualTo("release-service");
            assertThat(started.path("causationId").asString()).isEqualTo(approved.path("eventId").asString());
        });
        // Every answer names a person by id and name together.
        JsonNode promotion = get("/promotions/" + toProd, auditor).body();
        assertThat(person(promotion.path("requestedBy"))).isEqualTo(person("dev1"));
        assertThat(promotion.path("approvedBy").valueStream().map(ReleaseServiceIT::person).toList())
                .containsExactly(person("appr1"), person("appr2"));
        assertThat(person(promotion.path("outcomeBy"))).isEqualTo(person("rm1"));
        assertThat(person(firstPage.path("entries").get(0).path("recordedBy"))).isEqualTo(person("rm1"));
        assertThat(person(get("/releases/" + release, auditor).body().path("release").path("createdBy")))
                .isEqualTo(person("dev1"));

        JsonNode verification = get("/audit/verify", auditor).body();
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();

        assertThat(cloudEventTypesOf(release, kafka, 15)).containsExactly(
                "release-created",
                "promotion-requested", "promotion-approved", "deployment-started", "deployment-succeeded",
                "promotion-requested", "promotion-approved", "deployment-started", "deployment-succeeded",
                "promotion-requested", "promotion-approved", "deployment-started", "deployment-succeeded");
    }

    @Test
    void givenTwoConcurrentRequests_whenCreatingTheSameVersion_thenExactlyOneWins() throws Exception {
        tokens();
        String application = registerApplicationWithLifecycle();
        Map<String, Object> body = Map.of("applicationId", application, "version", "2.0.0",
                "commitSha", "abcdef1", "artifactReference", "registry.example.org/billing:2.0.0");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return post("/releases", developer, body);
            }));
        }
        start.countDown();
        List<Response> responses = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
        assertThat(responses).filteredOn(r -> r.status() == 409).singleElement()
                .extracting(Response::problemCode).isEqualTo("release.version-taken");
    }

    /**
     * The read models split for several instances (ADR 075) have two segments, and this instance alone holds
     * both; the rest keep one. The other tests read both views through the API, so they are kept up to date.
     */
    @Test
    void givenOneInstance_whenItRuns_thenTheSplitViewsHaveTwoSegmentsItHoldsAndTheOthersOne() {
        String owner = tokenOwner.value();
        await().atMost(ASYNC).untilAsserted(() -> {
            assertThat(segmentOwners("release-view")).containsExactly(owner, owner);
            assertThat(segmentOwners("application-view")).containsExactly(owner, owner);
        });
        assertThat(segmentOwners("promotion-view")).hasSize(1);
        assertThat(segmentOwners("audit-log")).hasSize(1);
        assertThat(segmentOwners("integration-publisher")).hasSize(1);
    }

    private List<String> segmentOwners(String processor) {
        return jdbc.sql("SELECT coalesce(owner, '') FROM token_entry WHERE processor_name = ? ORDER BY segment")
                .param(processor).query(String.class).list();
    }

    @Test
    void givenNoToken_whenOpenApiRead_thenEveryEndpointIsDocumented() {
        JsonNode paths = http().get("/v3/api-docs", null).body().path("paths");
        assertThat(paths.propertyNames()).contains("/applications", "/applications/{id}/lifecycle", "/releases",
                "/releases/{id}", "/releases/{releaseId}/promotions", "/releases/{releaseId}/rollback",
                "/promotions/{id}/approvals", "/promotions/{id}/rejections", "/promotions/{id}/cancel",
                "/promotions/{id}/deployment-result", "/promotions/{id}/freeze-override", "/environments/board",
                "/deployments", "/approvals/pending");
    }

    // ---- steps ---------------------------------------------------------------------------------

    private String registerApplicationWithLifecycle() {
        String application = created(post("/applications", releaseManager, Map.of(
                "name", "billing-" + UUID.randomUUID(), "owningTeam", "payments",
                "repositoryUrl", "https://git.example.org/payments/billing.git")));
        assertThat(put("/applications/" + application + "/lifecycle", releaseManager, Map.of("environments", List.of(
                Map.of("name", "dev"),
                Map.of("name", "qa", "approval", approval(1)),
                Map.of("name", "prod", "approval", approval(2),
                        "windows", List.of(windowOpeningTenSecondsAfter(clock.instant()))))))
                .status()).isEqualTo(202);
        return application;
    }

    private static Map<String, Object> approval(int count) {
        return Map.of("requiredApprovals", count, "approverRoles", List.of("approver"), "fourEyes", true,
                "decisionTimeout", "PT8H");
    }

    /**
     * A window that opens ten seconds after {@code now} and lasts an hour. The zone is chosen so
     * that the local time is around noon, so the window never crosses midnight whenever the test runs.
     */
    private static Map<String, Object> windowOpeningTenSecondsAfter(Instant now) {
        Instant opens = now.plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        int utcHour = opens.atOffset(ZoneOffset.UTC).getHour();
        ZoneOffset zone = ZoneOffset.ofHours(Math.floorMod(12 - utcHour + 12, 24) - 12);
        LocalTime from = opens.atOffset(zone).toLocalTime();
        return Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "from", from.toString(), "to", from.plusHours(1).toString(), "zone", zone.getId());
    }

    /** The application learns of a deployment one saga step later; a client simply retries. */
    private String promote(String release, String environment) {
        List<String> promotion = new ArrayList<>();
        await().atMost(ASYNC).until(() -> {
            Response response = post("/releases/" + release + "/promotions", developer,
                    Map.of("environment", environment));
            if (response.status() == 201) {
                promotion.add(created(response));
                return true;
            }
            assertThat(response.problemCode()).isIn("promotion.out-of-order", "promotion.already-active");
            return false;
        });
        return promotion.getFirst();
    }

    private void deploy(String promotion) {
        awaitStatus(promotion, "DEPLOYING");
        assertThat(post("/promotions/" + promotion + "/deployment-result", releaseManager, Map.of(
                "outcome", "SUCCEEDED", "evidenceUrl", "https://ci.example.org/runs/" + promotion)).status())
                .isEqualTo(202);
        awaitStatus(promotion, "DEPLOYED");
    }

    private void awaitStatus(String promotion, String status) {
        await().atMost(ASYNC).until(() -> {
            Response response = get("/promotions/" + promotion, releaseManager);
            return response.status() == 200 && status.equals(response.body().path("status").asString());
        });
    }

    private List<String> cloudEventTypesOf(String release, KafkaBroker kafka, int atLeastSeconds) {
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "release-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OpsLedgerService.RELEASE.eventsTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(ASYNC).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (release.equals(record.key())) {
                        events.add(new JsonFormat().deserialize(record.value()));
                    }
                });
                return events.stream().filter(e -> e.getType().contains("deployment-succeeded")).count() == 3;
            });
        }
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getSubject()).isEqualTo(release);
            assertThat(event.getSource()).isEqualTo(URI.create(OpsLedgerService.RELEASE.source()));
        });
        return events.stream()
                .map(e -> e.getType().replace("dev.opsledger.release.", "").replace(".v1", ""))
                .toList();
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    private Response post(String path, String token, Object body) {
        return http().post(path, token, body);
    }

    private Response put(String path, String token, Object body) {
        return http().put(path, token, body);
    }

    private Response get(String path, String token) {
        return http().get(path, token);
    }

    private static String created(Response response) {
        String id = response.createdId();
        assertThat(response.location()).endsWith("/" + id);
        return id;
    }

    private static JsonNode entryOfType(List<JsonNode> entries, String type) {
        return entries.stream().filter(e -> e.path("type").asString().equals(type)).findFirst().orElseThrow();
    }

    /** A person as the answers name them: {@code id/name}. */
    private static String person(JsonNode person) {
        return person.path("id").asString() + "/" + person.path("name").asString();
    }

    private static String person(String username) {
        return LocalJwtIssuer.subjectOf(username) + "/" + username;
    }

    private static List<String> ids(Response response) {
        return StreamSupport.stream(response.body().spliterator(), false).map(p -> p.path("promotionId").asString())
                .toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
