package dev.opsledger.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.backup.driver.DirectoryDriver;
import dev.opsledger.backup.schedule.SufficiencyCheck;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.MutableClock;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.PostgresServer;
import dev.opsledger.testkit.ServiceHttp;
import dev.opsledger.testkit.ServiceHttp.Response;
import dev.opsledger.testkit.TestInfrastructure;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with real PostgreSQL (pg_dump and pg_restore 15 against the testkit's 15 server),
 * real Kafka and tokens from the testkit's local issuer: one Spring context for every scenario.
 * The clock is the test's, so the last scenario can move past the RPO.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jobrunr.background-job-server.poll-interval-in-seconds=5",
                // The ticker stays out of the way; the scenarios call the jobs themselves.
                "opsledger.backup.tick=PT1H"})
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupServiceIT {

    private static final Duration ASYNC = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SANDBOX = createSandbox();
    private static final Path SOURCES = SANDBOX.resolve("sources");
    private static final String SOURCE_DB = "shop_source";
    private static final MutableClock CLOCK = MutableClock.at(Instant.now());

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final String operator = issuer.bearer("backup1", Set.of("backup-operator"));
    private final String operatorAsApprover = issuer.bearer("backup1", Set.of("backup-operator", "approver"));
    private final String approver = issuer.bearer("appr1", Set.of("approver"));
    private final String auditor = issuer.bearer("audit1", Set.of("auditor"));

    @LocalServerPort
    int port;

    @Autowired
    SufficiencyCheck sufficiencyCheck;

    @TestConfiguration
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void backupSettings(DynamicPropertyRegistry registry) {
        PostgresServer server = TestInfrastructure.postgres();
        registry.add("opsledger.backup.repository", () -> SANDBOX.resolve("repository").toString());
        registry.add("opsledger.backup.allowed-roots", SOURCES::toString);
        registry.add("opsledger.backup.credentials.it.username", server::username);
        registry.add("opsledger.backup.credentials.it.password", server::password);
    }

    @Test
    @Order(1)
    void givenATableWithRows_whenBackedUpDeletedAndRestoredWithApproval_thenTheRowsAreBack(PostgresServer server)
            throws SQLException {
        PostgresDatabase source = server.recreateDatabase(SOURCE_DB);
        sql(source, "CREATE TABLE orders (id int PRIMARY KEY, item text)",
                "INSERT INTO orders VALUES (1, 'disk'), (2, 'tape'), (3, 'cloud')");
        String target = databaseTarget(server);
        String run = backUp(target);
        assertThat(get("/backups/" + run, auditor).body().path("sha256").asString()).hasSize(64);

        sql(source, "DELETE FROM orders");
        assertThat(count(source)).isZero();

        String restore = created(post("/restores", operator, Map.of("runId", run)));
        awaitField("/restores/" + restore, "status", "AWAITING_APPROVAL");
        assertThat(post("/restores/" + restore + "/approvals", operatorAsApprover, Map.of()).problemCode())
                .isEqualTo("approval.self-approval");
        assertThat(get("/restores/pending", approver).body().path("entries").valueStream()
                .map(e -> e.path("restoreId").asString()).toList()).contains(restore);
        assertThat(post("/restores/" + restore + "/approvals", approver, Map.of("comment", "restore it")).status())
                .isEqualTo(202);

        awaitField("/restores/" + restore, "status", "SUCCEEDED");
        assertThat(count(source)).isEqualTo(3);
        // Restoring over the original first took a safety backup of the emptied table.
        String safety = get("/restores/" + restore, auditor).body().path("safetyRunId").asString();
        assertThat(get("/backups/" + safety, auditor).body().path("trigger").asString()).isEqualTo("SAFETY");

        String verification = post("/backups/" + run + "/verify", operator, Map.of()).problemCode();
        assertThat(verification).isEmpty();
        awaitField("/backups/" + run, "verification", "VERIFIED");
        assertThat(get("/backups/" + run, auditor).body().path("verificationDetail").asString())
                .contains("1 tables, 3 rows");
    }

    @Test
    @Order(2)
    void givenACorruptedBackupFile_whenVerified_thenVerificationFailsAndSufficiencySaysSo(PostgresServer server)
            throws IOException {
        String target = targetNamed("shop");
        String run = backUp(target);
        Path file = SANDBOX.resolve("repository").resolve(get("/backups/" + run, auditor).body().path("location")
                .asString());
        Files.write(file, new byte[] {0, 1, 2}, StandardOpenOption.APPEND);

        assertThat(post("/backups/" + run + "/verify", operator, Map.of()).status()).isEqualTo(202);
        awaitField("/backups/" + run, "verification", "FAILED");
        assertThat(get("/backups/" + run, auditor).body().path("verificationDetail").asString())
                .startsWith("Checksum mismatch");

        JsonNode entry = sufficiencyOf(target);
        assertThat(entry.path("newestBackupUnusable").asBoolean()).isTrue();
        assertThat(entry.path("lastGoodRunId").asString()).isNotEqualTo(run);
        assertThat(post("/restores", operator, Map.of("runId", run)).problemCode())
                .isEqualTo("restore.run-not-restorable");
    }

    @Test
    @Order(3)
    void givenADirectory_whenBackedUpAndRestoredToANewFolder_thenTheChecksumsAreTheSame() throws IOException {
        Path folder = Files.createDirectories(SOURCES.resolve("configs"));
        Files.writeString(folder.resolve("app.yml"), "port: 8080\n");
        Files.createDirectories(folder.resolve("nested/deeper"));
        Files.write(folder.resolve("nested/deeper/blob.bin"), UUID.randomUUID().toString().repeat(500).getBytes());
        String target = created(post("/backup-targets", operator, Map.of("name", "configs", "kind", "DIRECTORY",
                "path", folder.toString())));
        String run = backUp(target);

        Path copy = SOURCES.resolve("configs-restored");
        String restore = created(post("/restores", operator, Map.of("runId", run, "destination", "NEW_DIRECTORY",
                "destinationName", copy.toString())));
        awaitField("/restores/" + restore, "status", "AWAITING_APPROVAL");
        assertThat(post("/restores/" + restore + "/approvals", approver, Map.of()).status()).isEqualTo(202);
        awaitField("/restores/" + restore, "status", "SUCCEEDED");

        assertThat(DirectoryDriver.checksums(copy)).isEqualTo(DirectoryDriver.checksums(folder)).hasSize(2);
    }

    @Test
    @Order(4)
    void givenBadInput_whenSent_thenProblemsWithStableCodesAndNothingStored() {
        assertThat(post("/backup-targets", operator, Map.of("name", "escape", "kind", "DIRECTORY",
                "path", SOURCES + "/../etc")).problemCode()).isEqualTo("target.path-not-allowed");
        assertThat(post("/backup-targets", operator, Map.of("name", "etc", "kind", "DIRECTORY", "path", "/etc"))
                .problemCode()).isEqualTo("target.path-not-allowed");
        assertThat(post("/backup-targets", operator, Map.of("name", "repo", "kind", "DIRECTORY",
                "path", SANDBOX.resolve("repository").toString())).problemCode()).isEqualTo("target.path-not-allowed");
        assertThat(post("/backup-targets", operator, Map.of("name", "nul\u0000", "kind", "DIRECTORY",
                "path", SOURCES.toString())).status()).isEqualTo(400);
        assertThat(post("/backup-targets", operator, Map.of("name", "x", "kind", "TAPE")).status()).isEqualTo(400);
        String target = targetNamed("shop");
        assertThat(post("/backup-policies", operator, Map.of("targetId", target, "policy",
                policy("*/61 * * * *", "PT1H"))).problemCode()).isEqualTo("policy.invalid-cron");
        // A negative duration never reaches the aggregate's rule: the platform refuses it at the edge.
        assertThat(post("/backup-policies", operator, Map.of("targetId", target, "policy",
                policy("*/15 * * * *", "PT-1H"))).problemCode()).isEqualTo("validation.failed");
        assertThat(post("/backup-policies", operator, Map.of("targetId", target, "policy",
                policy("*/15 * * * *", "PT99999999999999999999H"))).status()).isEqualTo(400);
        assertThat(post("/backups", operator, Map.of("targetId", "nope")).problemCode()).isEqualTo("target.not-found");
        assertThat(post("/backups/nope/verify", operator, Map.of()).problemCode()).isEqualTo("backup-run.not-found");
        assertThat(post("/backup-targets", auditor, Map.of("name", "x", "kind", "DIRECTORY", "path", SOURCES.toString()))
                .status()).isEqualTo(403);
        assertThat(get("/backup-targets?limit=0", auditor).status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void givenTheClockPastTheRpo_whenChecked_thenRpoBreachedOnKafkaAndRestoredAfterTheNextGoodRun(KafkaBroker kafka) {
        String target = targetNamed("shop");
        sufficiencyCheck.tick(CLOCK.instant());
        assertThat(sufficiencyOf(target).path("state").asString()).isEqualTo("COMPLIANT");

        CLOCK.advance(Duration.ofHours(2));
        sufficiencyCheck.tick(CLOCK.instant());
        awaitState(target, "BREACHED");
        backUp(target);
        sufficiencyCheck.tick(CLOCK.instant());
        awaitState(target, "COMPLIANT");

        assertThat(publicEventsOf(target, kafka)).containsSubsequence("rpo-breached", "backup-succeeded",
                "rpo-restored");
    }

    // ---- steps ---------------------------------------------------------------------------------

    @Test
    @Order(6)
    void givenTakeBackupRequests_whenSentOnKafka_thenOneRunAnswersWithItsChecksumAndARefusalWithItsCode(
            KafkaBroker kafka) throws Exception {
        Path folder = Files.createDirectories(SOURCES.resolve("pre-deploy"));
        Files.writeString(folder.resolve("state.txt"), "v1\n");
        String target = created(post("/backup-targets", operator, Map.of("name", "pre-deploy", "kind", "DIRECTORY",
                "path", folder.toString())));
        String served = created(post("/backup-policies", operator, Map.of("targetId", target,
                "policy", policy("0 4 * * *", "P1D", true))));
        Path other = Files.createDirectories(SOURCES.resolve("nightly-only"));
        String nightlyTarget = created(post("/backup-targets", operator, Map.of("name", "nightly-only",
                "kind", "DIRECTORY", "path", other.toString())));
        String nightly = created(post("/backup-policies", operator, Map.of("targetId", nightlyTarget,
                "policy", policy("0 4 * * *", "P1D", false))));
        String takeId = "release:p-" + UUID.randomUUID() + ":backup:1";
        String refusedId = "release:p-" + UUID.randomUUID() + ":backup:1";
        byte[] take = takeBackup(takeId, served);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] request : List.of(take, take, takeBackup(refusedId, nightly))) {
                producer.send(new ProducerRecord<>(OpsLedgerService.BACKUP.requestsTopic(), served, request))
                        .get(30, TimeUnit.SECONDS);
            }
        }

        CloudEvent succeeded = awaitAnswer(kafka, takeId, "backup-succeeded");
        JsonNode data = JSON.readTree(succeeded.getData().toBytes());
        assertThat(data.path("trigger").asString()).isEqualTo("REQUEST");
        assertThat(data.path("sha256").asString()).hasSize(64);
        assertThat(succeeded.getExtension("correlationid")).isEqualTo("corr-" + takeId);
        CloudEvent refused = awaitAnswer(kafka, refusedId, "request-failed");
        assertThat(JSON.readTree(refused.getData().toBytes()).path("reason").asString())
                .isEqualTo("backup-policy.not-pre-deploy");
        assertThat(get("/backups?targetId=" + target, auditor).body().path("entries").size()).isEqualTo(1);
        assertThat(get("/backups?targetId=" + nightlyTarget, auditor).body().path("entries").size()).isZero();
    }

    private static byte[] takeBackup(String requestId, String policyId) {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("/opsledger/release")).withType("dev.opsledger.backup.take-backup.v1")
                .withSubject(policyId).withExtension("correlationid", "corr-" + requestId)
                .withExtension("actor", "system:release-service").withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(Map.of("requestId", requestId, "policyId", policyId,
                        "reason", "before deploying shop 1.4.0 to prod", "requestedBy", "u-dev1")))
                .build();
        return new JsonFormat().serialize(event);
    }

    /** The one answer of a type to the request on backup's events topic (waits for it, then a little more). */
    private CloudEvent awaitAnswer(KafkaBroker kafka, String requestId, String type) {
        List<CloudEvent> answers = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "backup-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OpsLedgerService.BACKUP.eventsTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(ASYNC).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    CloudEvent event = new JsonFormat().deserialize(record.value());
                    if (requestId.equals(JSON.readTree(event.getData().toBytes()).path("requestId").asString())) {
                        answers.add(event);
                    }
                });
                return answers.stream().anyMatch(e -> e.getType().contains(type));
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                CloudEvent event = new JsonFormat().deserialize(record.value());
                if (requestId.equals(JSON.readTree(event.getData().toBytes()).path("requestId").asString())) {
                    answers.add(event);
                }
            });
        }
        assertThat(answers).as("answers to " + requestId).hasSize(1);
        return answers.getFirst();
    }

    private String databaseTarget(PostgresServer server) {
        String target = created(post("/backup-targets", operator, Map.of("name", "shop", "kind", "POSTGRESQL",
                "host", server.host(), "port", server.port(), "database", SOURCE_DB, "credentialsRef", "it")));
        created(post("/backup-policies", operator, Map.of("targetId", target, "policy", policy("*/15 * * * *",
                "PT1H"))));
        awaitField("/backup-targets/" + target, "name", "shop");
        return target;
    }

    private static Map<String, Object> policy(String cron, String rpo) {
        return policy(cron, rpo, true);
    }

    private static Map<String, Object> policy(String cron, String rpo, boolean servesPreDeploy) {
        return Map.of("schedule", Map.of("cron", cron, "zone", "Europe/Berlin"),
                "retention", Map.of("keepLast", 5, "daily", 7, "weekly", 4, "monthly", 3), "rpo", rpo,
                "verification", Map.of("cron", "0 3 * * *", "zone", "Europe/Berlin"),
                "restoreApproval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                        "fourEyes", true, "decisionTimeout", "PT8H"),
                "servesPreDeploy", servesPreDeploy, "runTimeout", "PT5M");
    }

    private String targetNamed(String name) {
        return get("/backup-targets", auditor).body().path("entries").valueStream()
                .filter(t -> t.path("name").asString().equals(name)).findFirst().orElseThrow()
                .path("targetId").asString();
    }

    /** Asks for a run, retrying while the previous one (a safety backup) still holds the target. */
    private String backUp(String target) {
        // The test's clock stands still otherwise; each backup is a minute newer than the last.
        CLOCK.advance(Duration.ofMinutes(1));
        List<String> run = new ArrayList<>();
        await().atMost(ASYNC).until(() -> {
            Response response = post("/backups", operator, Map.of("targetId", target));
            if (response.status() == 201) {
                run.add(created(response));
                return true;
            }
            assertThat(response.problemCode()).isEqualTo("backup-run.already-running");
            return false;
        });
        awaitField("/backups/" + run.getFirst(), "status", "SUCCEEDED");
        return run.getFirst();
    }

    private JsonNode sufficiencyOf(String target) {
        return get("/backup-sufficiency", auditor).body().path("entries").valueStream()
                .filter(e -> e.path("targetId").asString().equals(target)).findFirst().orElseThrow();
    }

    private void awaitState(String target, String state) {
        await().atMost(ASYNC).until(() -> state.equals(get("/backup-targets/" + target, auditor).body().path("sufficiency")
                .asString()));
    }

    private void awaitField(String path, String field, String value) {
        await().atMost(ASYNC).untilAsserted(() -> {
            Response response = get(path, auditor);
            assertThat(response.body().path(field).asString()).as(response.body().toString()).isEqualTo(value);
        });
    }

    private List<String> publicEventsOf(String target, KafkaBroker kafka) {
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "backup-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            await().atMost(ASYNC).until(() -> !consumer.partitionsFor(OpsLedgerService.BACKUP.eventsTopic()).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(OpsLedgerService.BACKUP.eventsTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(ASYNC).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (target.equals(record.key())) {
                        events.add(new JsonFormat().deserialize(record.value()));
                    }
                });
                return events.stream().anyMatch(e -> e.getType().contains("rpo-restored"));
            });
        }
        return events.stream().map(e -> e.getType().replace("dev.opsledger.backup.", "").replace(".v1", "")).toList();
    }

    private static void sql(PostgresDatabase database, String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path createSandbox() {
        try {
            return Files.createTempDirectory("backup-it").toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

}
