package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/** The bridge on a real broker, checked with plain Kafka clients as another team would use them. */
@SpringBootTest(classes = SampleApplication.class)
@ActiveProfiles("platform-sample")
// Closed after the class, while PostgreSQL still runs: at JVM exit the testkit stops the database in
// parallel with Spring's shutdown hook, and JobRunr would wait 30 s for a connection to deregister.
// The context is never reused anyway: each @WithPostgres class has its own database.
@DirtiesContext
@WithPostgres
@WithKafka
class KafkaBridgeIT {

    private static final OpsLedgerService SERVICE = OpsLedgerService.AUTOMATION;
    private static final Duration ASYNC = Duration.ofSeconds(60);

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void givenMappedEvent_whenStored_thenItArrivesOnKafkaAsCloudEventReadableByAPlainConsumer(KafkaBroker kafka) {
        String taskId = "task-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 10));
        commandGateway.sendAndWait(new RecordSampleWork(taskId, 4));
        DomainEventMessage<?> recorded = eventStore.readEvents(taskId).asStream()
                .filter(e -> e.getPayload() instanceof SampleWorkRecorded).findFirst().orElseThrow();

        List<ConsumerRecord<String, byte[]>> forTask = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = plainConsumer(kafka)) {
            List<TopicPartition> partitions = consumer.partitionsFor(SERVICE.eventsTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(ASYNC).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (taskId.equals(r.key())) {
                        forTask.add(r);
                    }
                });
                return !forTask.isEmpty();
            });
        }

        assertThat(forTask).as("only the mapped event is public, the opened event is not").hasSize(1);
        ConsumerRecord<String, byte[]> record = forTask.getFirst();
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(JsonFormat.CONTENT_TYPE);
        CloudEvent cloudEvent = new JsonFormat().deserialize(record.value());
        assertThat(cloudEvent.getId()).isEqualTo(recorded.getIdentifier());
        assertThat(cloudEvent.getType()).isEqualTo("dev.opsledger.automation.sample-work-recorded.v1");
        assertThat(cloudEvent.getSource()).isEqualTo(URI.create("/opsledger/automation"));
        assertThat(cloudEvent.getSubject()).isEqualTo(taskId);
        assertThat(cloudEvent.getTime().toInstant()).isEqualTo(recorded.getTimestamp());
        assertThat(cloudEvent.getExtension("correlationid")).isEqualTo(recorded.getMetaData().get(MetadataKeys.CORRELATION_ID));
        assertThat(cloudEvent.getExtension("causationid")).isEqualTo(recorded.getMetaData().get(MetadataKeys.CAUSATION_ID));
        assertThat(cloudEvent.getExtension("actor")).isEqualTo("system");
        assertThat(JsonMapper.builder().build().readTree(cloudEvent.getData().toBytes()).get("total").asInt()).isEqualTo(4);
    }

    @Test
    void givenSameRequestDeliveredTwice_whenConsumed_thenHandledOnce(KafkaBroker kafka) throws Exception {
        String taskId = "task-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 100));
        CloudEvent request = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/opsledger/release"))
                .withType("dev.opsledger.automation.record-sample-work.v1")
                .withSubject(taskId)
                .withExtension("actor", "u-42")
                .withDataContentType("application/json")
                .withData(JsonMapper.builder().build().writeValueAsBytes(new RecordSampleWorkV1("req-1", taskId, 5)))
                .build();
        byte[] bytes = new JsonFormat().serialize(request);

        RecordMetadata second;
        try (KafkaProducer<String, byte[]> producer = plainProducer(kafka)) {
            producer.send(new ProducerRecord<>(SERVICE.requestsTopic(), taskId, bytes)).get(30, TimeUnit.SECONDS);
            second = producer.send(new ProducerRecord<>(SERVICE.requestsTopic(), taskId, bytes)).get(30, TimeUnit.SECONDS);
        }

        // Both deliveries are behind us once the consumer group committed past the second one.
        TopicPartition partition = new TopicPartition(second.topic(), second.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(ASYNC).until(() -> Optional.ofNullable(admin
                            .listConsumerGroupOffsets("opsledger-automation-requests")
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition))
                    .map(OffsetAndMetadata::offset).orElse(-1L) > second.offset());
        }

        List<DomainEventMessage<?>> work = eventStore.readEvents(taskId).asStream()
                .filter(e -> e.getPayload() instanceof SampleWorkRecorded).<DomainEventMessage<?>>map(e -> e).toList();
        assertThat(work).hasSize(1);
        assertThat(work.getFirst().getMetaData())
                // The request starts the chain here; the event's direct cause is the command made from it.
                .containsEntry(MetadataKeys.CORRELATION_ID, request.getId())
                .containsEntry(MetadataKeys.REQUEST_ID, "req-1")
                .containsEntry(MetadataKeys.ACTOR_ID, "u-42");
        assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE message_id = ?")
                .param(request.getId()).query(Long.class).single()).isEqualTo(1);
    }

    private static KafkaConsumer<String, byte[]> plainConsumer(KafkaBroker kafka) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-bridge-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> plainProducer(KafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }
}
