package dev.opsledger.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.automation.run.execution.Secrets;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.ServiceHttp;
import dev.opsledger.testkit.ServiceHttp.Response;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as clients see it: real PostgreSQL and Kafka, real processes from scripts this
 * test writes into the allow-listed folder, bearer tokens from the testkit's local issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "jobrunr.background-job-server.poll-interval-in-seconds=5")
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class AutomationServiceIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCRIPTS = Path.of("target", "it-scripts").toAbsolutePath();
    private static final String SECRET = "s3cr3t-token-value";

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final String admin = issuer.bearer("admin1", Set.of("automation-admin"));
    private final String developer = issuer.bearer("dev1", Set.of("developer"));
    private final String approver = issuer.bearer("appr1", Set.of("approver"));
    private final String auditor = issuer.bearer("audit1", Set.of("auditor"));

    @LocalServerPort
    int port;
    @Autowired
    List<SmartLifecycle> lifecycles;

    @TestConfiguration
    static class Environment {
        @Bean
        @Primary
        Secrets testSecrets() {
            return new Secrets(Map.of("OPSLEDGER_SECRET_DEPLOY_TOKEN", SECRET, "DATABASE_PASSWORD", "db"),
                    "OPSLEDGER_SECRET_");
        }
    }

    @DynamicPropertySource
    static void scripts(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(SCRIPTS);
        script("steps.sh", """
                echo "deploying $OPSLEDGER_PARAM_VERSION with $1 token=$OPSLEDGER_PARAM_TOKEN"
                i=0
                while [ $i -lt 8 ]; do echo "step $i"; sleep 0.5; i=$((i+1)); done
                exit 3
                """);
        script("echo.sh", "echo \"$1 $OPSLEDGER_PARAM_VERSION\"\n");
        script("long.sh", "echo started\nsleep 120\n");
        registry.add("opsledger.automation.allowed-executables", () -> SCRIPTS + "/");
        registry.add("opsledger.automation.work-directory", () -> Path.of("target", "it-work").toAbsolutePath());
        registry.add("opsledger.automation.workers", () -> "3");
    }

    private static void script(String name, String body) throws IOException {
        Path file = SCRIPTS.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        file.toFile().setExecutable(true);
    }

    @Test
    void givenAShellTask_whenRun_thenItsLogStreamsWhileRunningWithSecretsMaskedAndItEndsWithItsExitCode() {
        String task = define("steps-" + suffix(), "steps.sh", List.of("--fast"), null, "ALLOW");
        String run = created(post("/tasks/" + task + "/runs", developer, Map.of("parameters",
                Map.of("version", "1.4.0", "token", "OPSLEDGER_SECRET_DEPLOY_TOKEN"))));

        // Read while running: some steps are there, the run is not over.
        await().atMost(ASYNC).until(() -> {
            JsonNode log = get("/task-runs/" + run + "/log", auditor).body();
            return !log.path("finished").asBoolean() && text(log).contains("step 1")
                    && "RUNNING".equals(status(run));
        });
        JsonNode partial = get("/task-runs/" + run + "/log", auditor).body();
        long resumeAt = partial.path("nextOffset").asLong();

        awaitStatus(run, "FAILED");
        JsonNode view = get("/task-runs/" + run, auditor).body();
        assertThat(view.path("exitCode").asInt()).isEqualTo(3);
        JsonNode rest = get("/task-runs/" + run + "/log?offset=" + resumeAt, auditor).body();
        assertThat(rest.path("finished").asBoolean()).isTrue();
        String whole = text(partial) + text(rest);
        assertThat(whole).contains("deploying 1.4.0 with --fast token=****", "step 0", "step 7")
                .doesNotContain(SECRET);
        assertThat(view.path("parameters").path("token").asString()).isEqualTo("OPSLEDGER_SECRET_DEPLOY_TOKEN");
    }

    @Test
    void givenATaskNeedingApproval_whenEditedAfterTheRequest_thenTheApprovedInputsRun() {
        String name = "echo-" + suffix();
        String task = define(name, "echo.sh", List.of("first-args"), approval(), "FORBID");
        String run = created(post("/tasks/" + task + "/runs", developer, Map.of("parameters", Map.of("version", "2.0.0"))));
        awaitStatus(run, "AWAITING_APPROVAL");

        assertThat(post("/tasks/" + task + "/runs", developer, Map.of("parameters", Map.of("version", "2.0.1")))
                .problemCode()).isEqualTo("run.concurrency-forbidden");
        assertThat(post("/task-runs/" + run + "/approvals", developer, Map.of()).problemCode())
                .isIn("approval.self-approval", "approval.role-not-allowed");
        assertThat(put("/tasks/" + task, admin, taskBody(name, "echo.sh", List.of("second-args"), approval(),
                "FORBID")).status()).isEqualTo(202);
        await().atMost(ASYNC).until(() -> get("/tasks/" + task, auditor).body().path("version").asInt() == 2);
        String digest = get("/task-runs/" + run, auditor).body().path("digest").asString();
        assertThat(ids(get("/task-runs/pending", approver).body())).contains(run);

        assertThat(post("/task-runs/" + run + "/approvals", approver, Map.of("digest", digest, "comment", "ok"))
                .status()).isEqualTo(202);

        awaitStatus(run, "SUCCEEDED");
        assertThat(get("/task-runs/" + run, auditor).body().path("version").asInt()).isEqualTo(1);
        assertThat(text(get("/task-runs/" + run + "/log", auditor).body())).contains("first-args 2.0.0")
                .doesNotContain("second-args");
        assertThat(post("/task-runs/" + run + "/cancel", developer, Map.of()).problemCode())
                .isEqualTo("run.already-finished");
    }

    @Test
    void givenARunTaskRequest_whenDeliveredTwiceAndResent_thenOneRunAndOneAnswer(KafkaBroker kafka) throws Exception {
        String task = define("echo-" + suffix(), "echo.sh", List.of("from-kafka"), null, "ALLOW");
        String requestId = "release:promo-" + suffix() + ":1";
        byte[] first = request(requestId, task);
        byte[] resent = request(requestId, task);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] bytes : List.of(first, first, resent)) {
                producer.send(new ProducerRecord<>(OpsLedgerService.AUTOMATION.requestsTopic(), task, bytes))
                        .get(30, TimeUnit.SECONDS);
            }
        }

        List<CloudEvent> answers = answersTo(requestId, kafka);
        assertThat(answers.stream().map(CloudEvent::getType).toList()).containsExactly(
                "dev.opsledger.automation.task-run-requested.v1", "dev.opsledger.automation.task-run-started.v1",
                "dev.opsledger.automation.task-run-succeeded.v1");
        JsonNode runs = get("/task-runs?taskId=" + task, auditor).body().path("entries");
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).path("requestId").asString()).isEqualTo(requestId);
    }

    @Test
    void givenRunTaskRequestsARunRefuses_whenSent_thenEachIsAnsweredRequestFailedWithTheRulesCode(KafkaBroker kafka)
            throws Exception {
        String task = define("echo-" + suffix(), "echo.sh", List.of(), null, "ALLOW");
        String unknownTask = "release:promo-" + suffix() + ":deploy:1";
        String badVersion = "release:promo-" + suffix() + ":deploy:1";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(OpsLedgerService.AUTOMATION.requestsTopic(), "no-such-task",
                    request(unknownTask, "no-such-task"))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(OpsLedgerService.AUTOMATION.requestsTopic(), task,
                    request(badVersion, task, "not-a-version"))).get(30, TimeUnit.SECONDS);
        }

        assertThat(answersTo(unknownTask, kafka)).singleElement().satisfies(answer -> {
            assertThat(answer.getType()).isEqualTo("dev.opsledger.automation.request-failed.v1");
            assertThat(JSON.readTree(answer.getData().toBytes()).path("reason").asString()).isEqualTo("task.not-found");
        });
        assertThat(answersTo(badVersion, kafka)).singleElement().satisfies(answer -> {
            assertThat(answer.getType()).isEqualTo("dev.opsledger.automation.request-failed.v1");
            assertThat(JSON.readTree(answer.getData().toBytes()).path("reason").asString())
                    .isEqualTo("run.parameter-invalid");
        });
        assertThat(get("/task-runs?taskId=" + task, auditor).body().path("entries").size()).isZero();
    }

    @Test
    void givenARunningRun_whenTheWorkersRestart_thenItIsInterruptedAndTheQueuedRunGoesOn() {
        String task = define("long-" + suffix(), "long.sh", List.of(), null, "QUEUE");
        String running = created(post("/tasks/" + task + "/runs", developer, Map.of()));
        await().atMost(ASYNC).until(() -> text(get("/task-runs/" + running + "/log", auditor).body())
                .contains("started"));
        SmartLifecycle workers = lifecycles.stream()
                .filter(l -> l.getClass().getSimpleName().equals("RunWorkers")).findFirst().orElseThrow();

        workers.stop();
        String queued = created(post("/tasks/" + task + "/runs", developer, Map.of()));
        awaitStatus(queued, "QUEUED");
        workers.start();

        awaitStatus(running, "INTERRUPTED");
        awaitStatus(queued, "RUNNING");
        assertThat(post("/task-runs/" + queued + "/cancel", developer, Map.of("reason", "enough")).status())
                .isEqualTo(202);
        awaitStatus(queued, "CANCELLED");
    }

    @Test
    void givenBadInput_whenSent_thenProblemsWithStableCodesAndNoRun() {
        assertThat(post("/tasks", admin, taskBody("curl-" + suffix(), "../../../usr/bin/curl", List.of(), null,
                "ALLOW")).problemCode()).isIn("task.executor-not-allowed", "task.executor-invalid");
        Map<String, Object> outside = new HashMap<>(taskBody("sh-" + suffix(), "x", List.of(), null, "ALLOW"));
        outside.put("executor", Map.of("kind", "SHELL", "executable", "/bin/sh", "arguments", List.of("-c", "id")));
        assertThat(post("/tasks", admin, outside).problemCode()).isEqualTo("task.executor-not-allowed");
        Map<String, Object> badCron = new HashMap<>(taskBody("cron-" + suffix(), "echo.sh", List.of(), null, "ALLOW"));
        badCron.put("schedule", Map.of("cron", "0 25 * * *", "zone", "Europe/Berlin", "misfire", "SKIP"));
        assertThat(post("/tasks", admin, badCron).problemCode()).isEqualTo("task.schedule-invalid");
        badCron.put("schedule", Map.of("cron", "0 3 * * *", "zone", "Europe/Nowhere", "misfire", "SKIP"));
        assertThat(post("/tasks", admin, badCron).problemCode()).isEqualTo("task.schedule-zone-invalid");
        assertThat(post("/tasks", developer, taskBody("x-" + suffix(), "echo.sh", List.of(), null, "ALLOW")).status())
                .isEqualTo(403);

        String task = define("echo-" + suffix(), "echo.sh", List.of(), null, "ALLOW");
        assertThat(post("/tasks/" + task + "/runs", developer, Map.of("parameters", Map.of("version", "1.0.0",
                "shell", "/bin/sh"))).problemCode()).isEqualTo("run.parameter-unknown");
        assertThat(post("/tasks/" + task + "/runs", developer, Map.of("parameters", Map.of("version", "1.0.0; id")))
                .problemCode()).isEqualTo("run.parameter-invalid");
        assertThat(post("/tasks/" + task + "/runs", developer, Map.of("parameters", Map.of("version", "1.0.0",
                "replicas", new java.math.BigInteger("123456789012345678901234567890")))).problemCode())
                .isEqualTo("run.parameter-invalid");
        assertThat(post("/tasks/" + task + "/runs", developer, Map.of()).problemCode())
                .isEqualTo("run.parameter-missing");
        assertThat(post("/tasks/" + task + "/runs", auditor, Map.of("parameters", Map.of("version", "1.0.0")))
                .problemCode()).isEqualTo("run.role-not-allowed");
        assertThat(get("/task-runs?taskId=" + task, auditor).body().path("entries").size()).isZero();

        String key = "key-" + suffix();
        String once = created(post("/tasks/" + task + "/runs", developer, Map.of("parameters",
                Map.of("version", "1.0.0"), "idempotencyKey", key)));
        String again = created(post("/tasks/" + task + "/runs", developer, Map.of("parameters",
                Map.of("version", "1.0.0"), "idempotencyKey", key)));
        assertThat(again).isEqualTo(once);
    }

    // ---- steps ---------------------------------------------------------------------------------

    private String define(String name, String script, List<String> arguments, Map<String, Object> approval,
                          String concurrency) {
        return created(post("/tasks", admin, taskBody(name, script, arguments, approval, concurrency)));
    }

    private static Map<String, Object> taskBody(String name, String script, List<String> arguments,
                                                Map<String, Object> approval, String concurrency) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name,
                "executor", Map.of("kind", "SHELL", "executable", SCRIPTS.resolve(script).toString(),
                        "arguments", arguments),
                "parameters", List.of(
                        Map.of("name", "version", "type", "STRING", "required", true,
                                "pattern", "[0-9]+\\.[0-9]+\\.[0-9]+"),
                        Map.of("name", "replicas", "type", "INTEGER", "defaultValue", "1", "min", 1, "max", 10),
                        Map.of("name", "token", "type", "SECRET")),
                "timeout", "PT2M", "concurrency", concurrency, "runRoles", List.of("developer")));
        if (approval != null) {
            body.put("approval", approval);
        }
        if (script.equals("long.sh")) {
            body.put("parameters", List.of());
        }
        return body;
    }

    private static Map<String, Object> approval() {
        return Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"), "decisionTimeout", "PT8H");
    }

    private static byte[] request(String requestId, String task) {
        return request(requestId, task, "3.1.4");
    }

    private static byte[] request(String requestId, String task, String version) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/opsledger/release"))
                .withType("dev.opsledger.automation.run-task.v1")
                .withSubject(task)
                .withExtension("actor", "u-rm1")
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(Map.of("requestId", requestId, "taskId", task,
                        "parameters", Map.of("version", version), "requestedBy", "u-rm1")))
                .build();
        return new JsonFormat().serialize(event);
    }

    /** Every event on the automation topic that carries the request id, once the run has ended. */
    private List<CloudEvent> answersTo(String requestId, KafkaBroker kafka) {
        List<CloudEvent> answers = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "automation-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OpsLedgerService.AUTOMATION.eventsTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long quietUntil = Long.MAX_VALUE;
            long deadline = System.nanoTime() + ASYNC.toNanos();
            // Poll until the final answer is in, then a few seconds more to catch a second one.
            while (System.nanoTime() < Math.min(quietUntil, deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    CloudEvent event = new JsonFormat().deserialize(record.value());
                    if (requestId.equals(JSON.readTree(event.getData().toBytes()).path("requestId").asString())) {
                        answers.add(event);
                    }
                });
                if (quietUntil == Long.MAX_VALUE && answers.stream().anyMatch(e -> e.getType().contains("succeeded")
                        || e.getType().endsWith(".request-failed.v1"))) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
            }
        }
        return answers;
    }

    private String status(String run) {
        Response response = get("/task-runs/" + run, auditor);
        return response.status() == 200 ? response.body().path("status").asString() : null;
    }

    private void awaitStatus(String run, String status) {
        await().atMost(ASYNC).until(() -> status.equals(status(run)));
    }

    private static String text(JsonNode log) {
        StringBuilder text = new StringBuilder();
        log.path("chunks").forEach(chunk -> text.append(chunk.path("text").asString()));
        return text.toString();
    }

    private static List<String> ids(JsonNode runs) {
        List<String> ids = new ArrayList<>();
        runs.forEach(run -> ids.add(run.path("runId").asString()));
        return ids;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
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
        return response.createdId();
    }

}
