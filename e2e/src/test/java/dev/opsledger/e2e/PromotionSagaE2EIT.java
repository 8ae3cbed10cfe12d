package dev.opsledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.devstack.ApiClient;
import dev.opsledger.devstack.KafkaReaderConfig;
import dev.opsledger.testkit.KafkaAccessControl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue X1's whole path on the devstack, through the gateway with real Keycloak tokens: dev1 promotes
 * a release to an environment that takes a pre-deploy backup and deploys through a task, appr1
 * approves, and three services do the rest on their own over Kafka. The environment uses the demo's
 * backup policy (on the demo database) and the demo {@code deploy} task, so this also proves the demo
 * data does what the README says.
 *
 * <p>The client sends a W3C {@code traceparent} of its own on both calls, as a traced CLI would: every
 * CloudEvent of the story must carry that one trace id, continued by each service under span ids of
 * its own.
 */
@Order(2)
class PromotionSagaE2EIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Generous: three services, four Kafka hops, a pg_dump and a script, on a shared 2-core machine. */
    private static final Duration SAGA_WAIT = Duration.ofMinutes(3);
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(90);
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    /** The three services of the story by name, with their events topics from the contracts jar. */
    private static final Map<String, String> EVENTS_TOPICS = Map.of(
            OpsLedgerService.RELEASE.id(), OpsLedgerService.RELEASE.eventsTopic(),
            OpsLedgerService.BACKUP.id(), OpsLedgerService.BACKUP.eventsTopic(),
            OpsLedgerService.AUTOMATION.id(), OpsLedgerService.AUTOMATION.eventsTopic());

    private static ApiClient api;

    @BeforeAll
    static void startTheStack() throws Exception {
        api = RunningStack.get().api;
    }

    @Test
    void givenEnvironmentWithBackupAndTask_whenPromotedAndApproved_thenBackupTaskBoardAuditAndKafkaTellOneStory()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String policy = demoBackupPolicy();
        String task = demoDeployTask();

        String application = api.create("rm1", "/api/applications", Map.of("name", "saga-" + suffix,
                "owningTeam", "payments", "repositoryUrl", "https://git.example.org/payments/saga.git"));
        Map<String, Object> staging = new LinkedHashMap<>();
        staging.put("name", "staging");
        staging.put("approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                "fourEyes", true, "decisionTimeout", "PT1H"));
        staging.put("backupPolicyRef", policy);
        staging.put("deployTaskRef", task);
        api.retryWhile(422, () -> api.put("rm1", "/api/applications/" + application + "/lifecycle",
                Map.of("environments", List.of(staging))), "define a lifecycle naming the demo policy and task");
        String release = api.create("dev1", "/api/releases", Map.of("applicationId", application, "version", "4.2.0",
                "commitSha", "9c1e5a7", "artifactReference", "registry.example.org/saga:4.2.0"));

        // 1. dev1 promotes; 2. appr1, a second user, approves (dev1 may not).
        String promotion = api.withHeader("traceparent", traceparent(traceId)).create("dev1",
                "/api/releases/" + release + "/promotions", Map.of("environment", "staging"));
        assertThat(api.post("dev1", "/api/promotions/" + promotion + "/approvals", Map.of()).status())
                .as("the requester may not approve their own promotion").isEqualTo(403);
        api.expectSuccess(api.withHeader("traceparent", traceparent(traceId)).post("appr1",
                "/api/promotions/" + promotion + "/approvals", Map.of("comment", "backup first, then deploy")),
                "approve as appr1");

        JsonNode deployed = api.await("rm1", "/api/promotions/" + promotion, p -> {
            String status = p.path("status").asString();
            assertThat(status).as("promotion %s: %s", promotion, p).isNotIn("FAILED", "REJECTED", "EXPIRED");
            return status.equals("DEPLOYED");
        }, "the saga to back up, deploy and record the promotion as deployed", SAGA_WAIT);

        // 3. The backup run succeeded, with its SHA-256, as backup-service reports it.
        String backupRun = deployed.path("backupRunId").asString();
        assertThat(backupRun).as("the backup's run id is recorded on the promotion").isNotBlank();
        JsonNode backup = api.expectSuccess(api.get("backup1", "/api/backups/" + backupRun), "read the backup run").body();
        assertThat(backup.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(backup.path("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(backup.path("sizeBytes").asLong()).isPositive();
        assertThat(backup.path("trigger").asString()).isEqualTo("REQUEST");

        // 4. The task run succeeded, and its log names the version it deployed.
        String deployRun = deployed.path("deployRunId").asString();
        assertThat(deployRun).as("the deploy run id is recorded on the promotion").isNotBlank();
        JsonNode run = api.expectSuccess(api.get("rm1", "/api/task-runs/" + deployRun), "read the task run").body();
        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("exitCode").asInt()).isZero();
        assertThat(run.path("parameters").path("promotion_id").asString()).isEqualTo(promotion);
        JsonNode log = api.expectSuccess(api.get("rm1", "/api/task-runs/" + deployRun + "/log"), "read the run's log").body();
        StringBuilder text = new StringBuilder();
        log.path("chunks").forEach(chunk -> text.append(chunk.path("text").asString()));
        assertThat(text).contains("deploying version 4.2.0", "deployed 4.2.0");

        // 5. The board shows the version.
        api.await("dev1", "/api/environments/board?application=" + application,
                board -> versionIn(board, "staging").equals("4.2.0"), "the board to show 4.2.0 in staging");

        // 6. The audit chain holds the steps of three services, each under the entry that caused it.
        String correlationId = api.await("audit1", "/api/audit?aggregateId=" + promotion,
                a -> a.path("entries").size() > 0, "the promotion's audit entries")
                .path("entries").get(0).path("correlationId").asString();
        JsonNode chain = api.await("audit1", "/api/audit/chain/" + correlationId,
                c -> servicesIn(flatten(c)).containsAll(EVENTS_TOPICS.keySet())
                        && flatten(c).stream().anyMatch(e -> e.path("type").asString().contains("DeployTaskSucceeded")),
                "the chain to reach backup, automation and the deployment", SAGA_WAIT);
        assertThat(chain.path("missing").size()).as("no service missing from the chain").isZero();
        assertCausalOrder(flatten(chain));

        // 7. A plain Kafka consumer sees CloudEvents from all three services with this one correlation id,
        //    all on the client's trace, each service under span ids of its own.
        List<JsonNode> cloudEvents = cloudEventsOf(correlationId);
        Map<String, Set<String>> spansByService = new HashMap<>();
        for (JsonNode event : cloudEvents) {
            assertThat(event.path("specversion").asString()).isEqualTo("1.0");
            assertThat(event.path("id").asString()).isNotBlank();
            assertThat(event.path("correlationid").asString()).isEqualTo(correlationId);
            Matcher trace = TRACEPARENT.matcher(event.path("traceparent").asString());
            assertThat(trace.matches()).as("traceparent of %s", event).isTrue();
            assertThat(trace.group(1)).as("the trace of %s (%s)", event.path("type").asString(),
                    event.path("source").asString()).isEqualTo(traceId);
            spansByService.computeIfAbsent(serviceOf(event), s -> new HashSet<>()).add(trace.group(2));
        }
        assertThat(spansByService.keySet()).containsExactlyInAnyOrderElementsOf(EVENTS_TOPICS.keySet());
        assertThat(spansByService.get("backup")).as("backup continues the trace under its own spans")
                .doesNotContainAnyElementsOf(spansByService.get("release"));
        assertThat(spansByService.get("automation")).as("automation continues the trace under its own spans")
                .doesNotContainAnyElementsOf(spansByService.get("release"))
                .doesNotContainAnyElementsOf(spansByService.get("backup"));
        assertThat(cloudEvents).extracting(e -> e.path("type").asString()).contains(
                "dev.opsledger.release.promotion-requested.v1",
                "dev.opsledger.backup.backup-succeeded.v1",
                "dev.opsledger.automation.task-run-succeeded.v1", "dev.opsledger.release.deployment-succeeded.v1");
    }

    // ---- the demo's references ------------------------------------------------------------------

    private static String demoBackupPolicy() {
        for (JsonNode policy : api.expectSuccess(api.get("backup1", "/api/backup-policies?limit=100"), "list policies")
                .body().path("entries")) {
            if (policy.path("servesPreDeploy").asBoolean()) {
                return policy.path("policyId").asString();
            }
        }
        throw new AssertionError("the demo defines no backup policy serving pre-deploy backups");
    }

    private static String demoDeployTask() {
        for (JsonNode task : api.expectSuccess(api.get("auto1", "/api/tasks?limit=100"), "list tasks")
                .body().path("entries")) {
            if (task.path("name").asString().equals("deploy")) {
                return task.path("taskId").asString();
            }
        }
        throw new AssertionError("the demo defines no deploy task");
    }

    // ---- the audit chain ------------------------------------------------------------------------

    private static List<JsonNode> flatten(JsonNode chain) {
        List<JsonNode> entries = new ArrayList<>();
        chain.path("roots").forEach(root -> collect(root, entries));
        return entries;
    }

    private static void collect(JsonNode node, List<JsonNode> entries) {
        entries.add(node.path("entry"));
        node.path("causes").forEach(child -> collect(child, entries));
    }

    private static Set<String> servicesIn(List<JsonNode> entries) {
        Set<String> services = new HashSet<>();
        entries.forEach(entry -> services.add(entry.path("service").asString()));
        return services;
    }

    /**
     * Every entry whose cause is in the chain comes after it, in the tree and in time; and the story
     * crosses services both ways: a backup and an automation entry caused (transitively) by release's,
     * and a release entry caused by automation's answer.
     */
    private static void assertCausalOrder(List<JsonNode> entries) {
        Map<String, Integer> position = new HashMap<>();
        Map<String, JsonNode> byId = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            position.put(entries.get(i).path("eventId").asString(), i);
            byId.put(entries.get(i).path("eventId").asString(), entries.get(i));
        }
        int caused = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String cause = entry.path("causationId").asString("");
            if (byId.containsKey(cause) && !cause.equals(entry.path("eventId").asString())) {
                caused++;
                assertThat(position.get(cause)).as("the cause of %s comes earlier", entry).isLessThan(i);
                assertThat(Instant.parse(byId.get(cause).path("time").asString()))
                        .as("the cause of %s happened before it", entry)
                        .isBeforeOrEqualTo(Instant.parse(entry.path("time").asString()));
            }
        }
        assertThat(caused).as("entries caused by another entry of the chain").isGreaterThanOrEqualTo(3);
        assertThat(hasAncestorIn(entries, byId, "backup", "release")).as("backup's steps caused by release's").isTrue();
        assertThat(hasAncestorIn(entries, byId, "automation", "release")).as("automation's steps caused by release's").isTrue();
        assertThat(hasAncestorIn(entries, byId, "release", "automation"))
                .as("release's record of the deployment caused by automation's answer").isTrue();
    }

    private static boolean hasAncestorIn(List<JsonNode> entries, Map<String, JsonNode> byId, String service,
                                         String ancestorService) {
        for (JsonNode entry : entries) {
            if (!entry.path("service").asString().equals(service)) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            JsonNode current = entry;
            while (current != null && seen.add(current.path("eventId").asString())) {
                JsonNode cause = byId.get(current.path("causationId").asString(""));
                if (cause != null && cause.path("service").asString().equals(ancestorService)) {
                    return true;
                }
                current = cause;
            }
        }
        return false;
    }

    // ---- Kafka, as another team subscribes ------------------------------------------------------

    /**
     * The CloudEvents of one correlation id on the three events topics, read from the beginning by a
     * consumer of our own until each service's terminal step of the story is there.
     */
    private static List<JsonNode> cloudEventsOf(String correlationId) {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : EVENTS_TOPICS.values()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(KAFKA_WAIT);
            while (!seenAllSteps(found) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (correlationId.equals(event.path("correlationid").asString(null))) {
                        found.add(event);
                    }
                }
            }
        }
        assertThat(seenAllSteps(found)).as("CloudEvents of correlation %s: %s", correlationId,
                found.stream().map(e -> e.path("type").asString()).toList()).isTrue();
        return found;
    }

    private static boolean seenAllSteps(List<JsonNode> found) {
        Set<String> types = new HashSet<>();
        found.forEach(event -> types.add(event.path("type").asString()));
        return types.contains("dev.opsledger.release.promotion-requested.v1")
                && types.contains("dev.opsledger.backup.backup-succeeded.v1")
                && types.contains("dev.opsledger.automation.task-run-succeeded.v1")
                && types.contains("dev.opsledger.release.deployment-succeeded.v1");
    }

    /** Another team's consumer: the devstack's read-only {@code reader} login, a group of its own prefix. */
    static Properties consumerConfig() {
        // Bootstrap servers and the read-only reader's login, as the stack wrote them.
        Properties config = KafkaReaderConfig.load(RunningStack.HOME);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaAccessControl.READER_GROUP_PREFIX + "e2e-other-team-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private static String serviceOf(JsonNode cloudEvent) {
        String source = cloudEvent.path("source").asString();
        return source.substring(source.lastIndexOf('/') + 1);
    }

    private static String versionIn(JsonNode board, String environment) {
        for (JsonNode slot : board.path("environments")) {
            if (slot.path("environment").asString().equals(environment)) {
                return slot.path("current").path("version").asString("");
            }
        }
        return "";
    }

    /** The client's own span under the test's trace: a new parent id per call, the same trace id. */
    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        do {
            ThreadLocalRandom.current().nextBytes(bytes);
        } while (HexFormat.of().formatHex(bytes).matches("0+"));
        return bytes;
    }
}
