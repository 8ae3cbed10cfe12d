package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.ScheduleSampleReminder;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import dev.opsledger.testkit.TopicReader;
import dev.opsledger.testkit.AuditSigningKeys;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of one service on one database and one Kafka cluster, as the platform is scaled
 * out: each deadline fires once, whichever instance scheduled it, and each request arriving on
 * Kafka is handled once and answered once, with both instances in the consumer group. Answers and
 * effects are counted, not assumed.
 */
@WithPostgres
@WithKafka
class TwoInstancesIT {

    private static final OpsLedgerService SERVICE = OpsLedgerService.AUTOMATION;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    private static final Duration DELAY = Duration.ofSeconds(6);
    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final int DEADLINES = 10;
    private static final int REQUESTS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFormat FORMAT = new JsonFormat();

    @Test
    void givenTwoInstances_whenDeadlinesAreDueAndRequestsArrive_thenEachFiresOnceAndEachIsAnsweredOnce(
            PostgresDatabase database, KafkaBroker kafka) throws Exception {
        try (ConfigurableApplicationContext first = start(database, kafka);
             ConfigurableApplicationContext second = start(database, kafka)) {
            List<ConfigurableApplicationContext> instances = List.of(first, second);

            // Deadlines, scheduled half through each instance.
            List<String> reminded = new ArrayList<>();
            for (int i = 0; i < DEADLINES; i++) {
                CommandGateway commands = instances.get(i % 2).getBean(CommandGateway.class);
                String taskId = "reminded-" + UUID.randomUUID();
                commands.sendAndWait(new OpenSampleTask(taskId, 1));
                awaitAcknowledged(first, taskId);
                commands.sendAndWait(new ScheduleSampleReminder(taskId, DELAY));
                reminded.add(taskId);
            }

            // Requests, one per task, keyed by task so they spread over the partitions.
            Map<String, String> requestIdByTask = new LinkedHashMap<>();
            CommandGateway firstCommands = first.getBean(CommandGateway.class);
            for (int i = 0; i < REQUESTS; i++) {
                String taskId = "requested-" + UUID.randomUUID();
                firstCommands.sendAndWait(new OpenSampleTask(taskId, 100));
                awaitAcknowledged(first, taskId);
                requestIdByTask.put(taskId, "req-" + UUID.randomUUID());
            }
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer())) {
                for (Map.Entry<String, String> entry : requestIdByTask.entrySet()) {
                    producer.send(new ProducerRecord<>(SERVICE.requestsTopic(), entry.getKey(),
                            request(new RecordSampleWorkV1(entry.getValue(), entry.getKey(), 1))))
                            .get(30, TimeUnit.SECONDS);
                }
            }

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(ASYNC).until(() -> reminded.stream().allMatch(id -> count(jdbc, id, "SampleReminderFired") >= 1)
                    && requestIdByTask.keySet().stream().allMatch(id -> count(jdbc, id, "SampleWorkRecorded") >= 1));
            // Two more polls and redeliveries: nothing fires or is handled a second time.
            await().during(POLL_INTERVAL.multipliedBy(2)).atMost(POLL_INTERVAL.multipliedBy(2).plusSeconds(30))
                    .until(() -> reminded.stream().allMatch(id -> count(jdbc, id, "SampleReminderFired") == 1)
                            && requestIdByTask.keySet().stream()
                            .allMatch(id -> count(jdbc, id, "SampleWorkRecorded") == 1));

            // The publisher sends in store order: once a marker stored after every effect is on the
            // topic, every answer that will ever come is there too.
            String marker = "marker-" + UUID.randomUUID();
            firstCommands.sendAndWait(new OpenSampleTask(marker, 1));
            firstCommands.sendAndWait(new RecordSampleWork(marker, 1));
            Map<String, Long> answers = answersByRequestId(kafka, marker);
            long answered = requestIdByTask.values().stream().filter(answers::containsKey).count();
            long answersToOurs = requestIdByTask.values().stream().mapToLong(id -> answers.getOrDefault(id, 0L)).sum();

            String members = consumerGroupMembers(kafka);
            String owners = jdbc.sql("SELECT processor_name, segment, owner FROM token_entry ORDER BY 1, 2")
                    .query((row, n) -> row.getString(1) + "#" + row.getInt(2) + "=" + row.getString(3))
                    .list().toString();
            System.out.printf("TwoInstancesIT: %d deadlines scheduled, %d fired; %d requests sent, %d handled, "
                            + "%d answered with %d answers; request consumers: %s; token owners: %s%n",
                    DEADLINES, reminded.stream().mapToLong(id -> count(jdbc, id, "SampleReminderFired")).sum(),
                    REQUESTS, requestIdByTask.keySet().stream().mapToLong(id -> count(jdbc, id, "SampleWorkRecorded")).sum(),
                    answered, answersToOurs, members, owners);

            assertThat(answered).as("requests answered").isEqualTo(REQUESTS);
            assertThat(answersToOurs).as("answers, one per request").isEqualTo(REQUESTS);
        }
    }

    private static long count(JdbcClient jdbc, String taskId, String eventType) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?")
                .param(taskId).param("%" + eventType).query(Long.class).single();
    }

    /** How many public events on the topic answer each request id, read until the marker's first event. */
    private static Map<String, Long> answersByRequestId(KafkaBroker kafka, String marker) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(kafka, SERVICE.eventsTopic(), marker, ASYNC);
        return records.stream().map(r -> FORMAT.deserialize(r.value()))
                .filter(e -> e.getData() != null)
                .map(e -> JSON.readTree(e.getData().toBytes()).path("requestId").asString(null))
                .filter(id -> id != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The members of the service's request consumer group and how many partitions each was given. */
    private static String consumerGroupMembers(KafkaBroker kafka) throws Exception {
        String group = "opsledger-" + SERVICE.id() + "-requests";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(30, TimeUnit.SECONDS).get(group);
            return description.members().stream()
                    .map(m -> m.clientId() + " has " + m.assignment().topicPartitions().size() + " partitions")
                    .toList().toString();
        }
    }

    private static byte[] request(RecordSampleWorkV1 data) {
        return FORMAT.serialize(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/opsledger/release"))
                .withType(MessageTypes.typeOf(RecordSampleWorkV1.class))
                .withSubject(data.subject())
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build());
    }

    /**
     * The sample's saga acknowledges every opened task asynchronously, on whichever instance holds its
     * processor: the next command on the task waits for it, or the two would race for the same sequence.
     */
    private static void awaitAcknowledged(ConfigurableApplicationContext instance, String taskId) {
        EventStore events = instance.getBean(EventStore.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> events.readEvents(taskId).asStream().count() >= 2);
    }

    private static ConfigurableApplicationContext start(PostgresDatabase database, KafkaBroker kafka) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .profiles("platform-sample")
                .properties(database.properties())
                .properties(kafka.properties())
                .properties(AuditSigningKeys.properties())
                .properties("jobrunr.background-job-server.poll-interval-in-seconds=" + POLL_INTERVAL.toSeconds())
                .run();
    }
}
