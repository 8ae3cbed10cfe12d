package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationEvent;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the service's public events to its events topic. It is an Axon tracking processor
 * over the service's own event store ({@value #PROCESSING_GROUP}): its position is a token in
 * PostgreSQL, and it advances only after Kafka acknowledged the event. When Kafka is down the
 * send fails, the processor rolls back and retries from the stored token — nothing is skipped.
 * A crash between the ack and the token update republishes an event with the same id, which
 * consumers deduplicate. Resetting the token republishes the history.
 */
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private final List<IntegrationEventMapper> mappers;
    private final CloudEventMapping mapping;
    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final String topic;
    private final Duration sendTimeout;

    public IntegrationEventPublisher(List<IntegrationEventMapper> mappers, CloudEventMapping mapping,
                                     KafkaTemplate<String, byte[]> kafkaTemplate, String topic, Duration sendTimeout) {
        this.mappers = List.copyOf(mappers);
        this.mapping = mapping;
        this.kafkaTemplate = kafkaTemplate;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) throws InterruptedException {
        Optional<IntegrationEvent> record = map(event);
        if (record.isPresent()) {
            send(record(event, record.get()));
        }
    }

    Optional<IntegrationEvent> map(EventMessage<?> event) {
        IntegrationEvent found = null;
        for (IntegrationEventMapper mapper : mappers) {
            Optional<? extends IntegrationEvent> mapped = mapper.map(event);
            if (mapped.isPresent()) {
                if (found != null) {
                    throw new IllegalStateException("More than one IntegrationEventMapper maps "
                            + event.getPayloadType().getName() + "; one public event per internal event");
                }
                found = mapped.get();
            }
        }
        return Optional.ofNullable(found);
    }

    ProducerRecord<String, byte[]> record(EventMessage<?> event, IntegrationEvent integrationEvent) {
        CloudEvent cloudEvent = mapping.toCloudEvent(event, integrationEvent);
        // Keyed by aggregate so all events of one aggregate land on one partition, in order.
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, integrationEvent.subject(), mapping.serialize(cloudEvent));
        // The CloudEvents Kafka binding marks structured mode with this header.
        record.headers().add(CONTENT_TYPE_HEADER,
                CloudEventMapping.contentType().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void send(ProducerRecord<String, byte[]> record) throws InterruptedException {
        try {
            // Synchronous on purpose: the token must not move past an event Kafka has not stored.
            kafkaTemplate.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | org.springframework.kafka.KafkaException e) {
            // send() itself throws while the producer waits for metadata; the ack fails later otherwise.
            throw new IntegrationEventNotPublished(record.topic(), record.key(), e);
        }
    }

    /** Failure to hand an event to Kafka; the tracking processor retries from its token. */
    public static class IntegrationEventNotPublished extends RuntimeException {

        IntegrationEventNotPublished(String topic, String key, Exception cause) {
            super("Kafka did not acknowledge the event for " + key + " on " + topic, cause);
        }
    }
}
