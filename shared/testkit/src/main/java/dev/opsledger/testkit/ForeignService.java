package dev.opsledger.testkit;

import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another OpsLedger service, played at the Kafka boundary by a test: it reads the requests the
 * service under test sends to {@code opsledger.<service>.requests} and publishes the answers (or any
 * public event) on {@code opsledger.<service>.events} as CloudEvents, in the chain of the request
 * they answer. The other service's own side is proven in its own ITs; here only the contract counts.
 */
public final class ForeignService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFormat FORMAT = new JsonFormat();

    private final OpsLedgerService service;
    private final KafkaBroker kafka;
    private final KafkaProducer<String, byte[]> producer;

    private ForeignService(OpsLedgerService service, KafkaBroker kafka) {
        this.service = service;
        this.kafka = kafka;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static ForeignService playing(OpsLedgerService service, KafkaBroker kafka) {
        return new ForeignService(service, kafka);
    }

    /** Every request on the service's requests topic that carries {@code requestId}, read from the start. */
    public List<CloudEvent> requestsFor(String requestId) {
        List<CloudEvent> requests = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "foreign-" + service.id() + "-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = Optional.ofNullable(consumer.partitionsFor(service.requestsTopic()))
                    .orElse(List.of()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    CloudEvent event = FORMAT.deserialize(record.value());
                    if (requestId.equals(requestIdOf(event))) {
                        requests.add(event);
                    }
                });
            }
        }
        return requests;
    }

    /**
     * The request carrying {@code requestId}, once it is on the requests topic (waiting up to
     * {@code within}). A request sent again, after a crash, is the same CloudEvent (ADR 040): two
     * different ones for one id fail here.
     */
    public CloudEvent awaitRequest(String requestId, Duration within) {
        Instant deadline = Instant.now().plus(within);
        List<CloudEvent> found = requestsFor(requestId);
        while (found.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No request " + requestId + " on " + service.requestsTopic() + " within " + within);
            }
            sleep(Duration.ofMillis(500));
            found = requestsFor(requestId);
        }
        String id = found.getFirst().getId();
        if (found.stream().anyMatch(request -> !request.getId().equals(id))) {
            throw new AssertionError("Request " + requestId + " was sent as different CloudEvents: " + found);
        }
        return found.getFirst();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes {@code record} as the service's event, in the chain of {@code cause} (may be {@code null}). */
    public CloudEvent publish(String key, Object record, CloudEvent cause) {
        CloudEvent event = answer(record, cause);
        send(key, event);
        return event;
    }

    /** The CloudEvent the service would publish for {@code record}: a fresh id, its source and type. */
    public CloudEvent answer(Object record, CloudEvent cause) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create(service.source())).withType(MessageTypes.typeOf(record.getClass(), service))
                .withDataContentType("application/json").withData(JSON.writeValueAsBytes(record));
        if (cause != null) {
            Object correlation = cause.getExtension("correlationid");
            if (correlation != null) {
                builder.withExtension("correlationid", correlation.toString());
            }
            builder.withExtension("causationid", cause.getId());
        }
        return builder.build();
    }

    /** Sends {@code event} as it is, e.g. the same answer a second time. */
    public void send(String key, CloudEvent event) {
        try {
            producer.send(new ProducerRecord<>(service.eventsTopic(), key, FORMAT.serialize(event)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the event", e);
        }
    }

    public static String requestIdOf(CloudEvent request) {
        return dataOf(request).path("requestId").asString();
    }

    public static JsonNode dataOf(CloudEvent event) {
        return JSON.readTree(event.getData().toBytes());
    }

    @Override
    public void close() {
        producer.close();
    }
}
