package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageTypes;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the requests the service's aggregates decided on ({@link OutgoingRequest}) to the receiving
 * services' requests topics. Like the {@link IntegrationEventPublisher} it is a tracking processor over
 * the service's own event store ({@value #PROCESSING_GROUP}) whose token moves only after Kafka
 * acknowledged the request: a crash or a Kafka outage delays a request, never loses it. A crash
 * between the ack and the token sends it again with the same CloudEvent id and request id, which the
 * receiver's inbox treats as one request.
 *
 * <p>Before sending, the request is recorded ({@link SentRequests}) so that its answer, which names
 * only the request id, finds the aggregate that asked.
 */
@ProcessingGroup(IntegrationRequestSender.PROCESSING_GROUP)
public class IntegrationRequestSender {

    public static final String PROCESSING_GROUP = "integration-request-sender";

    private final List<OutgoingRequest<?>> requests;
    private final CloudEventMapping mapping;
    private final SentRequests sentRequests;
    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final Duration sendTimeout;

    public IntegrationRequestSender(List<OutgoingRequest<?>> requests, CloudEventMapping mapping,
                                    SentRequests sentRequests, KafkaTemplate<String, byte[]> kafkaTemplate,
                                    Duration sendTimeout) {
        this.requests = List.copyOf(requests);
        this.mapping = mapping;
        this.sentRequests = sentRequests;
        this.kafkaTemplate = kafkaTemplate;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) throws InterruptedException {
        for (ProducerRecord<String, byte[]> record : records(event)) {
            send(record);
        }
    }

    /** The records to send for an event, each recorded as sent first; none for most events. */
    List<ProducerRecord<String, byte[]>> records(EventMessage<?> event) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (OutgoingRequest<?> declared : requests) {
            declared.map(event).ifPresent(request -> records.add(record(event, request)));
        }
        if (records.size() > 1) {
            // The CloudEvent id is the event's: two requests from one event would share it.
            throw new IllegalStateException("More than one OutgoingRequest for " + event.getPayloadType().getName());
        }
        return records;
    }

    private ProducerRecord<String, byte[]> record(EventMessage<?> event, IntegrationRequest request) {
        if (request.requestId() == null || request.requestId().isBlank()) {
            throw new IllegalArgumentException(request.getClass().getSimpleName() + " without a request id");
        }
        CloudEvent cloudEvent = mapping.toCloudEvent(event, request);
        String requester = event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent.getAggregateIdentifier() : request.subject();
        sentRequests.record(new SentRequest(request.requestId(), MessageTypes.typeOf(request.getClass()), requester),
                cloudEvent.getId());
        String topic = OutgoingRequest.receiverOf(request.getClass()).requestsTopic();
        // Keyed by what the request is about, as the receiver expects (IntegrationRequest#subject).
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, request.subject(), mapping.serialize(cloudEvent));
        record.headers().add(IntegrationEventPublisher.CONTENT_TYPE_HEADER,
                CloudEventMapping.contentType().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void send(ProducerRecord<String, byte[]> record) throws InterruptedException {
        try {
            kafkaTemplate.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | org.springframework.kafka.KafkaException e) {
            throw new IntegrationEventPublisher.IntegrationEventNotPublished(record.topic(), record.key(), e);
        }
    }
}
