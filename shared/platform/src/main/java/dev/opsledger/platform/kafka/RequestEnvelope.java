package dev.opsledger.platform.kafka;

import dev.opsledger.platform.metadata.MetadataKeys;
import io.cloudevents.CloudEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request as read from the requests topic: its CloudEvent and the request id found in its data,
 * before (and whether or not) a handler understands its type. What the consumer, the failure path
 * and the answers all need to know about a request.
 */
record RequestEnvelope(CloudEvent cloudEvent, String requestId) {

    RequestEnvelope {
        Objects.requireNonNull(cloudEvent);
        Objects.requireNonNull(requestId);
    }

    static RequestEnvelope read(byte[] value, CloudEventMapping mapping) {
        if (value == null) {
            throw new RequestNotReadable("Record without a value", null);
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = mapping.deserialize(value);
        } catch (RuntimeException e) {
            throw new RequestNotReadable("Not a CloudEvent in structured JSON mode: " + e.getMessage(), e);
        }
        String requestId = mapping.requestIdOf(cloudEvent).orElseThrow(() -> new RequestNotReadable(
                "CloudEvent " + cloudEvent.getId() + " (" + cloudEvent.getType() + ") names no requestId to answer", null));
        return new RequestEnvelope(cloudEvent, requestId);
    }

    String id() {
        return cloudEvent.getId();
    }

    String type() {
        return cloudEvent.getType();
    }

    String source() {
        return Objects.toString(cloudEvent.getSource(), "");
    }

    /** What the request is about, the key of its answer; the request id when the sender named no subject. */
    String subject() {
        String subject = cloudEvent.getSubject();
        return subject == null || subject.isBlank() ? requestId : subject;
    }

    /**
     * The metadata of the command made from the request, and of its answer when it fails: the
     * requester's chain continues here, the request is the direct cause, and the request's id and
     * type travel on to the events that answer it.
     */
    Map<String, Object> metaData() {
        Map<String, Object> metaData = new HashMap<>();
        Object correlationId = cloudEvent.getExtension(CloudEventMapping.CORRELATION_ID);
        metaData.put(MetadataKeys.CORRELATION_ID, correlationId != null ? correlationId.toString() : cloudEvent.getId());
        metaData.put(MetadataKeys.CAUSATION_ID, cloudEvent.getId());
        metaData.put(MetadataKeys.REQUEST_ID, requestId);
        metaData.put(MetadataKeys.REQUEST_TYPE, cloudEvent.getType());
        Object actor = cloudEvent.getExtension(CloudEventMapping.ACTOR);
        if (actor != null) {
            // The requesting service acted for this person; our history names them too.
            metaData.put(MetadataKeys.ACTOR_ID, actor.toString());
            metaData.put(MetadataKeys.ACTOR_NAME, actor.toString());
        }
        CloudEventMapping.continuedTrace(cloudEvent)
                .ifPresent(trace -> metaData.put(MetadataKeys.TRACEPARENT, trace.toString()));
        return metaData;
    }
}
