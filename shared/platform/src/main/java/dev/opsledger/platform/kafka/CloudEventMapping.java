package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.core.trace.TraceParent;
import dev.opsledger.platform.metadata.MetadataKeys;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope of OpsLedger's public messages: CloudEvents 1.0, structured JSON mode. One place
 * decides the attributes so that publisher, tests and consumers agree.
 */
public class CloudEventMapping {

    /** Extension attributes (CloudEvents allows only lower-case letters and digits). */
    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    public static final String ACTOR = "actor";
    public static final String TRACEPARENT = TraceParent.HEADER;

    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The data member every {@code IntegrationRequest} carries. */
    static final String REQUEST_ID_FIELD = "requestId";

    private final OpsLedgerService service;
    private final JsonMapper jsonMapper;
    private final EventFormat format = new JsonFormat();

    public CloudEventMapping(OpsLedgerService service, JsonMapper jsonMapper) {
        this.service = service;
        this.jsonMapper = jsonMapper;
    }

    /** The CloudEvent for a public record derived from an internal event. */
    public CloudEvent toCloudEvent(EventMessage<?> event, IntegrationEvent record) {
        return toCloudEvent(event, MessageTypes.typeOf(record.getClass(), service), record.subject(), record);
    }

    /**
     * The CloudEvent for a request to another service, derived from the internal event that decided
     * to send it: its type is the receiving service's ({@code dev.opsledger.backup.take-backup.v1}),
     * its source this service, and it continues the event's chain (correlation, cause, actor, trace).
     */
    public CloudEvent toCloudEvent(EventMessage<?> event, IntegrationRequest request) {
        return toCloudEvent(event, MessageTypes.typeOf(request.getClass()), request.subject(), request);
    }

    private CloudEvent toCloudEvent(EventMessage<?> event, String type, String subject, Object data) {
        MetaData metaData = event.getMetaData();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                // Consumers deduplicate on the id, and a republished event keeps it.
                .withId(event.getIdentifier())
                .withSource(URI.create(service.source()))
                .withType(type)
                .withSubject(subject)
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(jsonMapper.writeValueAsBytes(data));
        extension(builder, CORRELATION_ID, metaData.get(MetadataKeys.CORRELATION_ID));
        extension(builder, CAUSATION_ID, metaData.get(MetadataKeys.CAUSATION_ID));
        extension(builder, ACTOR, metaData.get(MetadataKeys.ACTOR_ID));
        extension(builder, TRACEPARENT, metaData.get(MetadataKeys.TRACEPARENT));
        return builder.build();
    }

    public byte[] serialize(CloudEvent cloudEvent) {
        return format.serialize(cloudEvent);
    }

    public CloudEvent deserialize(byte[] bytes) {
        return format.deserialize(bytes);
    }

    public <T> T data(CloudEvent cloudEvent, Class<T> type) {
        if (cloudEvent.getData() == null) {
            throw new IllegalArgumentException("CloudEvent " + cloudEvent.getId() + " carries no data");
        }
        return jsonMapper.readValue(cloudEvent.getData().toBytes(), type);
    }

    /**
     * The {@code requestId} in a request's data, read without knowing the request's record: a
     * request of a type this service does not serve is still answered by its id.
     */
    public Optional<String> requestIdOf(CloudEvent cloudEvent) {
        if (cloudEvent.getData() == null) {
            return Optional.empty();
        }
        try {
            JsonNode requestId = jsonMapper.readTree(cloudEvent.getData().toBytes()).path(REQUEST_ID_FIELD);
            return requestId.isString() && !requestId.asString().isBlank() ? Optional.of(requestId.asString()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * The trace a received CloudEvent belongs to, continued by this service: same trace id, a parent id
     * of our own (ADR 042). Empty when the sender named none, or none well-formed; the dispatch
     * interceptor then starts a new trace rather than pass on what it can't trust.
     */
    public static Optional<TraceParent> continuedTrace(CloudEvent received) {
        Object traceparent = received.getExtension(TRACEPARENT);
        return TraceParent.parse(traceparent == null ? null : traceparent.toString()).map(TraceParent::nextHop);
    }

    public static String contentType() {
        return JsonFormat.CONTENT_TYPE;
    }

    private static void extension(CloudEventBuilder builder, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            builder.withExtension(name, value.toString());
        }
    }
}
