package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.RequestFailed;
import dev.opsledger.contracts.RequestRejected;
import dev.opsledger.platform.core.trace.TraceParent;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import dev.opsledger.platform.sample.SamplePublicMessages.SampleWorkRecordedV1;
import dev.opsledger.testkit.TopicReader;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request gets exactly one answer, on a real broker and a real database, read with plain Kafka
 * clients as the requesting service would: success, {@code request-failed} (plus one dead letter) or
 * {@code request-rejected}, however often the request arrives.
 *
 * <p>"Exactly one" needs an end to wait for: each test first waits until the consumer group committed
 * past every copy of its request (each copy is then handled, its answer stored), then stores a marker
 * event. The publisher sends events one by one in store order and waits for each ack, so once the
 * marker is on the topic every answer that will ever come is there too.
 */
@SpringBootTest(classes = SampleApplication.class, properties = "opsledger.kafka.retry-backoff=200ms")
@ActiveProfiles("platform-sample")
// See KafkaBridgeIT: closed while PostgreSQL still runs.
@DirtiesContext
@WithPostgres
@WithKafka
class RequestAnswersIT {

    private static final OpsLedgerService SERVICE = OpsLedgerService.AUTOMATION;
    private static final String RECORD_SAMPLE_WORK = MessageTypes.typeOf(RecordSampleWorkV1.class);
    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFormat FORMAT = new JsonFormat();

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void givenRequestRefusedByARule_whenDeliveredTwiceAndResent_thenOneFailedAnswerAndOneDeadLetter(KafkaBroker kafka)
            throws Exception {
        String taskId = "task-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 1));
        byte[] request = request(UUID.randomUUID().toString(), RECORD_SAMPLE_WORK, new RecordSampleWorkV1(requestId, taskId, 5));
        byte[] resent = request(UUID.randomUUID().toString(), RECORD_SAMPLE_WORK, new RecordSampleWorkV1(requestId, taskId, 5));

        List<RecordMetadata> sent = sendAndAwaitConsumed(kafka, taskId, request, request, resent);

        List<CloudEvent> answers = answersTo(kafka, requestId);
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().getType()).isEqualTo("dev.opsledger.automation.request-failed.v1");
        assertThat(answers.getFirst().getSubject()).isEqualTo(taskId);
        RequestFailed failed = data(answers.getFirst(), RequestFailed.class);
        assertThat(failed.reason()).isEqualTo("sample.limit-exceeded");
        assertThat(failed.requestType()).isEqualTo(RECORD_SAMPLE_WORK);
        assertThat(failed.detail()).contains("exceeds");
        assertThat(storedWork(taskId)).isZero();

        List<ConsumerRecord<String, byte[]>> deadLetters = deadLettersFor(kafka, taskId);
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.getFirst();
        assertThat(deadLetter.value()).isEqualTo(request);
        assertThat(header(deadLetter, RequestFailureRecoverer.REASON_HEADER)).isEqualTo("sample.limit-exceeded");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(SERVICE.requestsTopic());
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("exceeds");
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn") + header(deadLetter, "kafka_dlt-exception-cause-fqcn"))
                .contains("BusinessRuleViolation");
        assertThat(offsetOf(deadLetter)).isEqualTo(sent.getFirst().offset());
    }

    @Test
    void givenCommandThatKeepsFailing_whenTheRetriesRunOut_thenCommandFailedAndOneDeadLetter(KafkaBroker kafka)
            throws Exception {
        // No such task: the command bus fails every attempt, and it is no rule of the domain.
        String taskId = "missing-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        byte[] request = request(UUID.randomUUID().toString(), RECORD_SAMPLE_WORK, new RecordSampleWorkV1(requestId, taskId, 1));

        sendAndAwaitConsumed(kafka, taskId, request);

        List<CloudEvent> answers = answersTo(kafka, requestId);
        assertThat(answers).hasSize(1);
        RequestFailed failed = data(answers.getFirst(), RequestFailed.class);
        assertThat(failed.reason()).isEqualTo(RequestFailed.COMMAND_FAILED);
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLettersFor(kafka, taskId);
        assertThat(deadLetters).hasSize(1);
        assertThat(header(deadLetters.getFirst(), RequestFailureRecoverer.REASON_HEADER)).isEqualTo(RequestFailed.COMMAND_FAILED);
    }

    @Test
    void givenRequestOfAnUnservedVersion_whenDeliveredTwice_thenRejectedOnceAndNothingParked(KafkaBroker kafka)
            throws Exception {
        String taskId = "task-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 100));
        byte[] request = request(UUID.randomUUID().toString(), "dev.opsledger.automation.record-sample-work.v2",
                new RecordSampleWorkV1(requestId, taskId, 5));

        sendAndAwaitConsumed(kafka, taskId, request, request);

        List<CloudEvent> answers = answersTo(kafka, requestId);
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().getType()).isEqualTo("dev.opsledger.automation.request-rejected.v1");
        RequestRejected rejected = data(answers.getFirst(), RequestRejected.class);
        assertThat(rejected.reason()).isEqualTo(RequestRejected.UNSUPPORTED_TYPE);
        assertThat(rejected.requestType()).isEqualTo("dev.opsledger.automation.record-sample-work.v2");
        assertThat(rejected.subject()).isEqualTo(taskId);
        assertThat(storedWork(taskId)).isZero();
        assertThat(deadLettersFor(kafka, taskId)).isEmpty();
    }

    @Test
    void givenRequestDeliveredTwiceAndResentUnderANewId_whenConsumed_thenOneCommandAndOneAnswer(KafkaBroker kafka)
            throws Exception {
        String taskId = "task-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 100));
        byte[] request = request(UUID.randomUUID().toString(), RECORD_SAMPLE_WORK, new RecordSampleWorkV1(requestId, taskId, 5));
        byte[] resent = request(UUID.randomUUID().toString(), RECORD_SAMPLE_WORK, new RecordSampleWorkV1(requestId, taskId, 5));

        sendAndAwaitConsumed(kafka, taskId, request, request, resent);

        assertThat(storedWork(taskId)).isEqualTo(1);
        List<CloudEvent> answers = answersTo(kafka, requestId);
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().getType()).isEqualTo(MessageTypes.typeOf(SampleWorkRecordedV1.class));
        assertThat(data(answers.getFirst(), SampleWorkRecordedV1.class))
                .isEqualTo(new SampleWorkRecordedV1(taskId, 5, 5, requestId));
        assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE request_id = ?")
                .param(requestId).query(Long.class).single()).isEqualTo(1);
        assertThat(deadLettersFor(kafka, taskId)).isEmpty();
    }

    @Test
    void givenRequestOnATrace_whenAnswered_thenTheAnswerContinuesTheTraceUnderThisServicesParentId(KafkaBroker kafka)
            throws Exception {
        String taskId = "task-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 100));
        TraceParent requesters = TraceParent.newTrace();
        byte[] request = FORMAT.serialize(CloudEventBuilder.v1(FORMAT.deserialize(request(UUID.randomUUID().toString(),
                        RECORD_SAMPLE_WORK, new RecordSampleWorkV1(requestId, taskId, 5))))
                .withExtension(CloudEventMapping.TRACEPARENT, requesters.toString()).build());

        sendAndAwaitConsumed(kafka, taskId, request);

        assertThat(answersTo(kafka, requestId)).singleElement().satisfies(answer -> {
            TraceParent answers = TraceParent.parse((String) answer.getExtension(CloudEventMapping.TRACEPARENT))
                    .orElseThrow();
            assertThat(answers.traceId()).isEqualTo(requesters.traceId());
            assertThat(answers.parentId()).isNotEqualTo(requesters.parentId());
        });
    }

    /** Sends the records in order and waits until the service's consumer group committed past the last. */
    private List<RecordMetadata> sendAndAwaitConsumed(KafkaBroker kafka, String key, byte[]... values) throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                sent.add(producer.send(new ProducerRecord<>(SERVICE.requestsTopic(), key, value)).get(30, TimeUnit.SECONDS));
            }
        }
        RecordMetadata last = sent.getLast();
        TopicPartition partition = new TopicPartition(last.topic(), last.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(ASYNC).until(() -> Optional.ofNullable(admin
                            .listConsumerGroupOffsets("opsledger-" + SERVICE.id() + "-requests")
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition))
                    .map(OffsetAndMetadata::offset).orElse(-1L) > last.offset());
        }
        return sent;
    }

    /** Every public event answering {@code requestId}, once the publisher has caught up (see the class comment). */
    private List<CloudEvent> answersTo(KafkaBroker kafka, String requestId) {
        String marker = "marker-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(marker, 1));
        commandGateway.sendAndWait(new RecordSampleWork(marker, 1));
        List<ConsumerRecord<String, byte[]>> records = readUntil(kafka, SERVICE.eventsTopic(), marker);
        return records.stream().map(r -> FORMAT.deserialize(r.value()))
                .filter(e -> e.getData() != null && requestId.equals(JSON.readTree(e.getData().toBytes()).path("requestId").asString(null)))
                .toList();
    }

    /** The dead-letter topic is written before the request's offset is committed: reading to its end suffices. */
    private List<ConsumerRecord<String, byte[]>> deadLettersFor(KafkaBroker kafka, String key) {
        return readUntil(kafka, SERVICE.deadLetterTopic(), null).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(KafkaBroker kafka, String topic, String key) {
        return TopicReader.readUntil(kafka, topic, key, ASYNC);
    }

    private long storedWork(String taskId) {
        return eventStore.readEvents(taskId).asStream().filter(e -> e.getPayload() instanceof SampleWorkRecorded).count();
    }

    private static byte[] request(String cloudEventId, String type, RecordSampleWorkV1 data) {
        return FORMAT.serialize(CloudEventBuilder.v1()
                .withId(cloudEventId)
                .withSource(URI.create("/opsledger/release"))
                .withType(type)
                .withSubject(data.subject())
                .withExtension("actor", "u-42")
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build());
    }

    private static <T> T data(CloudEvent cloudEvent, Class<T> type) {
        return JSON.readValue(cloudEvent.getData().toBytes(), type);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long offsetOf(ConsumerRecord<?, ?> deadLetter) {
        return java.nio.ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong();
    }
}
