package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import dev.opsledger.testkit.EmbeddedKafkaBroker;
import dev.opsledger.testkit.KafkaAccessControl;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka lets no one write where they don't belong (ADR 063), on the real broker with SASL/SCRAM and the ACLs
 * derived from the declaration, and a real service on PostgreSQL behind it: the sample application, which
 * plays automation-service and serves a request only release-service may send. It logs in as
 * {@code automation-service}, as the devstack makes it.
 *
 * <p>What is tried: no login, the read-only {@code reader}, a service writing another's events topic or a
 * requests topic it does not send to, and a request forged by a principal that may write the requests topic
 * (CloudEvent {@code source} of a service that may not send it, any {@code actor}). Each must change nothing:
 * not a record on the topic where the broker refuses it, and not a row in the receiving service's event store
 * where the service reads it. One request from the rightful sender is obeyed, so the counting can fail.
 */
@SpringBootTest(classes = SampleApplication.class, properties = "opsledger.kafka.retry-backoff=200ms")
@ActiveProfiles("platform-sample")
@DirtiesContext
@WithPostgres
class KafkaAccessControlIT {

    private static final OpsLedgerService RECEIVER = OpsLedgerService.AUTOMATION;
    private static final String RECORD_SAMPLE_WORK = MessageTypes.typeOf(RecordSampleWorkV1.class);
    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final Map<String, String> PASSWORDS = KafkaAccessControl.principals().stream()
            .collect(Collectors.toMap(Function.identity(), principal -> KafkaAccessControl.newPassword()));
    private static final EmbeddedKafkaBroker BROKER = securedBroker();

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    private static EmbeddedKafkaBroker securedBroker() {
        // Stopped at JVM exit, after the Spring context that uses it.
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSecured(KafkaAccessControl.newPassword());
        try (Admin admin = broker.admin()) {
            KafkaAccessControl.apply(admin, PASSWORDS);
        }
        return broker;
    }

    @DynamicPropertySource
    static void kafkaAsAutomationService(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        KafkaAccessControl.clientProperties(KafkaAccessControl.principalOf(RECEIVER), PASSWORDS.get("automation-service"))
                .forEach((key, value) -> registry.add("spring.kafka.properties." + key, () -> value));
    }

    @Test
    void givenNoLogin_whenAnyoneWritesARequest_thenTheBrokerRefusesAndNothingIsStored() throws Exception {
        long recordsBefore = recordsOn(RECEIVER.requestsTopic());
        long eventsBefore = eventStoreRows();

        assertThatThrownBy(() -> send(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()),
                RECEIVER.requestsTopic(), "task-x", request("/opsledger/release", "req-" + UUID.randomUUID(), "task-x")))
                .as("no SASL login: the connection never gets as far as the topic's metadata")
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

        assertThat(recordsOn(RECEIVER.requestsTopic())).isEqualTo(recordsBefore);
        assertThat(eventStoreRows()).isEqualTo(eventsBefore);
    }

    @Test
    void givenReaderLogin_whenWritingAnyOpsLedgerTopic_thenRefusedAndNothingIsStored() throws Exception {
        Map<String, Object> reader = login(KafkaAccessControl.READER);
        long eventsBefore = eventStoreRows();

        for (String topic : KafkaAccessControl.topics()) {
            long before = recordsOn(topic);
            assertThatThrownBy(() -> send(reader, topic, "k", request("/opsledger/release", "req-r", "k"))).as(topic)
                    .hasCauseInstanceOf(AuthorizationException.class);
            assertThat(recordsOn(topic)).as(topic).isEqualTo(before);
        }
        assertThat(eventStoreRows()).isEqualTo(eventsBefore);
    }

    @Test
    void givenServiceLogin_whenWritingAnotherServicesEventsOrARequestTopicItDoesNotSendTo_thenRefused() throws Exception {
        Map<String, List<String>> forbidden = Map.of(
                // access-service sends automation run-task requests (external access, ADR 017), nothing else.
                "access-service", List.of(RECEIVER.eventsTopic(), OpsLedgerService.RELEASE.eventsTopic(),
                        OpsLedgerService.BACKUP.requestsTopic()),
                "backup-service", List.of(RECEIVER.requestsTopic(), OpsLedgerService.RELEASE.requestsTopic(),
                        RECEIVER.deadLetterTopic()),
                "release-service", List.of(RECEIVER.eventsTopic(), OpsLedgerService.ACCESS.requestsTopic()),
                KafkaAccessControl.GATEWAY, List.of(RECEIVER.requestsTopic(), OpsLedgerService.RELEASE.eventsTopic()));
        long eventsBefore = eventStoreRows();

        forbidden.forEach((principal, topics) -> {
            Map<String, Object> login = login(principal);
            for (String topic : topics) {
                long before = recordsOn(topic);
                // Refused at the topic, or before it for a principal that writes nowhere (no producer id for it).
                assertThatThrownBy(() -> send(login, topic, "k", request("/opsledger/release", "req-s", "k")))
                        .as("%s writing %s", principal, topic).hasCauseInstanceOf(AuthorizationException.class);
                assertThat(recordsOn(topic)).as(topic).isEqualTo(before);
            }
        });
        assertThat(eventStoreRows()).isEqualTo(eventsBefore);
    }

    @Test
    void givenForgedSource_whenAnAllowedWriterSendsTheRequest_thenTheServiceChangesNothingAndParksIt() throws Exception {
        String taskId = "task-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 100));
        // The sample's saga acknowledges every opened task, asynchronously: count from after that.
        await().atMost(ASYNC).until(() -> eventStore.readEvents(taskId).asStream().count() == 2);
        Map<String, Object> release = login("release-service");
        long eventsBefore = eventStoreRows();

        // release-service may write automation's requests topic, but this request type may come only from
        // release: claiming to be backup-service, automation itself, or no OpsLedger service changes nothing.
        List<String> forgedSources = List.of("/opsledger/backup", "/opsledger/access", "/opsledger/automation",
                "/other-team/script");
        List<String> requestIds = new ArrayList<>();
        RecordMetadata last = null;
        for (String source : forgedSources) {
            String requestId = "req-" + UUID.randomUUID();
            requestIds.add(requestId);
            last = send(release, RECEIVER.requestsTopic(), taskId, request(source, requestId, taskId));
        }
        awaitConsumedPast(last);

        assertThat(eventStoreRows()).as("no event, no answer, for any forged request").isEqualTo(eventsBefore);
        assertThat(storedWork(taskId)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE request_id IN (:ids)")
                .param("ids", requestIds).query(Long.class).single())
                .as("no inbox row: the real request with such an id would still be served").isZero();
        List<ConsumerRecord<String, byte[]>> deadLetters = readAll(RECEIVER.deadLetterTopic()).stream()
                .filter(r -> taskId.equals(r.key())).toList();
        assertThat(deadLetters).hasSize(forgedSources.size())
                .allSatisfy(r -> assertThat(header(r, RequestFailureRecoverer.REASON_HEADER))
                        .isEqualTo(RequestFromUnauthorizedSource.REASON));

        // The same request from its rightful sender is obeyed: the counting above could have seen a change. The
        // service consumed it and publishes its answer with its own login, as it does in the devstack.
        String rightfulId = "req-" + UUID.randomUUID();
        RecordMetadata rightful = send(release, RECEIVER.requestsTopic(), taskId, request("/opsledger/release", rightfulId, taskId));
        awaitConsumedPast(rightful);
        await().atMost(ASYNC).until(() -> storedWork(taskId) == 1);
        assertThat(eventStoreRows()).isGreaterThan(eventsBefore);
        await().atMost(ASYNC).until(() -> readAll(RECEIVER.eventsTopic()).stream()
                .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(rightfulId)));
        assertThat(readAll(RECEIVER.eventsTopic()).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(value -> requestIds.stream().anyMatch(value::contains)))
                .as("no answer to any forged request on the events topic").isEmpty();
    }

    private static Map<String, Object> login(String principal) {
        Map<String, Object> config = new HashMap<>(KafkaAccessControl.clientProperties(principal, PASSWORDS.get(principal)));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers());
        return config;
    }

    private static RecordMetadata send(Map<String, Object> login, String topic, String key, byte[] value) throws Exception {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Records ever written to the topic (the sum of its end offsets), seen by the super user. */
    private static long recordsOn(String topic) {
        try (Admin admin = BROKER.admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitConsumedPast(RecordMetadata last) {
        TopicPartition partition = new TopicPartition(last.topic(), last.partition());
        try (Admin admin = BROKER.admin()) {
            await().atMost(ASYNC).until(() -> Optional.ofNullable(admin
                            .listConsumerGroupOffsets("opsledger-" + RECEIVER.id() + "-requests")
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition))
                    .map(OffsetAndMetadata::offset).orElse(-1L) > last.offset());
        }
    }

    private long eventStoreRows() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private long storedWork(String taskId) {
        return eventStore.readEvents(taskId).asStream().filter(e -> e.getPayload() instanceof SampleWorkRecorded).count();
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = new HashMap<>(BROKER.adminProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(ASYNC).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }

    /** A sample request as any writer could make it: every attribute, the actor included, is the writer's to choose. */
    private static byte[] request(String source, String requestId, String taskId) {
        return FORMAT.serialize(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create(source))
                .withType(RECORD_SAMPLE_WORK)
                .withSubject(taskId)
                .withExtension("actor", "admin1")
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(new RecordSampleWorkV1(requestId, taskId, 5)))
                .build());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
