package dev.opsledger.automation.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.automation.AutomationServiceApplication;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.testkit.AuditSigningKeys;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.ServiceHttp;
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
import java.util.LinkedHashMap;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue X1's failure path "automation-service is stopped while a run-task request is pending, then
 * started again → the run happens once, nothing lost or duplicated", on real PostgreSQL and Kafka: the
 * service is a Spring context started, closed and started again on the same database and broker, as a
 * restarted process would be. The request waits on {@code opsledger.automation.requests} while no
 * instance runs; the restarted one picks it up from its consumer group's position and runs it once,
 * and a copy of the request delivered again afterwards (a requester resending after its own crash)
 * changes nothing. What the requester sees are the answers on the events topic: one of each.
 */
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class RunTaskAcrossRestartIT {

    private static final Duration ASYNC = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final Path SCRIPTS = Path.of("target", "restart-it-scripts").toAbsolutePath();
    private static final List<String> ANSWERS = List.of("dev.opsledger.automation.task-run-requested.v1",
            "dev.opsledger.automation.task-run-started.v1", "dev.opsledger.automation.task-run-succeeded.v1");

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final String admin = issuer.bearer("auto1", Set.of("automation-admin"));
    private final String auditor = issuer.bearer("audit1", Set.of("auditor"));

    @Test
    void givenServiceStoppedWhileARunTaskRequestWaits_whenStartedAgain_thenTheRunHappensOnceAndIsAnsweredOnce(
            PostgresDatabase database, KafkaBroker kafka) throws Exception {
        String task;
        try (ConfigurableApplicationContext first = start(database, kafka)) {
            ServiceHttp http = ServiceHttp.onPort(portOf(first));
            task = http.post("/tasks", admin, taskBody("deploy-" + UUID.randomUUID().toString().substring(0, 8)))
                    .createdId();
            await().atMost(ASYNC).until(() -> http.get("/tasks/" + task, auditor).status() == 200);
        }

        // No instance runs now: the request waits in Kafka.
        String requestId = "release:promo-" + UUID.randomUUID() + ":deploy:1";
        byte[] request = request(requestId, task, "5.0.1");
        send(kafka, task, request);

        try (ConfigurableApplicationContext second = start(database, kafka)) {
            ServiceHttp http = ServiceHttp.onPort(portOf(second));
            await().atMost(ASYNC).until(() -> "SUCCEEDED".equals(onlyRunOf(http, task).path("status").asString(null)));
            // The same request once more, as a requester resends it after a crash of its own.
            send(kafka, task, request);

            List<CloudEvent> answers = answersTo(requestId, kafka);
            assertThat(answers).extracting(CloudEvent::getType).containsExactlyElementsOf(ANSWERS);
            JsonNode run = onlyRunOf(http, task);
            assertThat(run.path("requestId").asString()).isEqualTo(requestId);
            assertThat(runsStarted(second, run.path("runId").asString()))
                    .as("the script ran once: one TaskRunStarted in the run's history").isEqualTo(1);
            JsonNode log = http.get("/task-runs/" + run.path("runId").asString() + "/log", auditor).body();
            StringBuilder text = new StringBuilder();
            log.path("chunks").forEach(chunk -> text.append(chunk.path("text").asString()));
            assertThat(text.toString()).containsOnlyOnce("deploying 5.0.1");
        }
    }

    private ConfigurableApplicationContext start(PostgresDatabase database, KafkaBroker kafka) throws IOException {
        Files.createDirectories(SCRIPTS);
        Path script = SCRIPTS.resolve("deploy.sh");
        Files.writeString(script, "#!/bin/sh\necho \"deploying $OPSLEDGER_PARAM_VERSION\"\n");
        script.toFile().setExecutable(true);
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        properties.putAll(issuer.properties());
        properties.putAll(AuditSigningKeys.properties());
        properties.putAll(Map.of(
                "server.port", "0",
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "jobrunr.background-job-server.poll-interval-in-seconds", "5",
                "opsledger.kafka.retry-backoff", "200ms",
                "opsledger.automation.allowed-executables", SCRIPTS + "/",
                "opsledger.automation.work-directory", Path.of("target", "restart-it-work").toAbsolutePath().toString()));
        // As arguments, like the devstack starts a service: they outrank application.yml, default properties don't.
        return new SpringApplicationBuilder(AutomationServiceApplication.class)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static Map<String, Object> taskBody(String name) {
        return Map.of("name", name,
                "executor", Map.of("kind", "SHELL", "executable", SCRIPTS.resolve("deploy.sh").toString(),
                        "arguments", List.of()),
                "parameters", List.of(Map.of("name", "version", "type", "STRING", "required", true,
                        "pattern", "[0-9]+\\.[0-9]+\\.[0-9]+")),
                "timeout", "PT2M", "concurrency", "QUEUE", "runRoles", List.of("release-manager"));
    }

    /** The task's one run; fails when there is more than one. */
    private JsonNode onlyRunOf(ServiceHttp http, String task) {
        JsonNode runs = http.get("/task-runs?taskId=" + task, auditor).body().path("entries");
        assertThat(runs.size()).as("runs of task %s: %s", task, runs).isLessThanOrEqualTo(1);
        return runs.size() == 0 ? JSON.createObjectNode() : runs.get(0);
    }

    private static long runsStarted(ConfigurableApplicationContext context, String runId) {
        return context.getBean(JdbcClient.class).sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%RunStarted'""")
                .param(runId).query(Long.class).single();
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
        return FORMAT.serialize(event);
    }

    private static void send(KafkaBroker kafka, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(OpsLedgerService.AUTOMATION.requestsTopic(), key, value))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Every event on the automation topic answering the request: read until the run's success is
     * there, then on for a quiet spell (long enough for the resent copy to be consumed and, were it
     * not deduplicated, answered) to catch a second answer.
     */
    private static List<CloudEvent> answersTo(String requestId, KafkaBroker kafka) {
        List<CloudEvent> answers = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OpsLedgerService.AUTOMATION.eventsTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long quietUntil = Long.MAX_VALUE;
            long deadline = System.nanoTime() + ASYNC.toNanos();
            while (System.nanoTime() < Math.min(quietUntil, deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    CloudEvent event = FORMAT.deserialize(record.value());
                    if (event.getData() != null
                            && requestId.equals(JSON.readTree(event.getData().toBytes()).path("requestId").asString())) {
                        answers.add(event);
                    }
                });
                if (quietUntil == Long.MAX_VALUE && answers.stream().anyMatch(e -> e.getType().equals(ANSWERS.getLast()))) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                }
            }
        }
        return answers;
    }
}
