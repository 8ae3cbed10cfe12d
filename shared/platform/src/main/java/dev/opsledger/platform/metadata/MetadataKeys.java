package dev.opsledger.platform.metadata;

import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.Message;

/**
 * The Axon metadata every command and event carries, so the history says who did what and why.
 * Commands get them at dispatch (from the authenticated web request, or from the message being
 * handled); events inherit them through the correlation data providers.
 */
public final class MetadataKeys {

    /**
     * Token subject of the caller ({@code sub}); {@code system:<service>} ({@link ServiceActor}) for
     * a step a saga or deadline takes on its own; {@code system} for a command sent outside any
     * request or message (startup, schedulers).
     */
    public static final String ACTOR_ID = "actorId";
    /** Readable caller name ({@code preferred_username}). */
    public static final String ACTOR_NAME = "actorName";
    /** The client's request id ({@code X-Request-Id}), or one generated at the edge. */
    public static final String REQUEST_ID = "requestId";
    /**
     * The CloudEvent type of the Kafka request a chain serves, set with {@link #REQUEST_ID} when a
     * request from another service becomes a command. Tells a request's id apart from a web client's
     * {@code X-Request-Id}: only events carrying it answer a request (see {@code RequestAnswer}).
     */
    public static final String REQUEST_TYPE = "requestType";
    /** Id of the first message of the chain: request → approval → backup → deploy. */
    public static final String CORRELATION_ID = "correlationId";
    /** Id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /**
     * W3C trace context ({@code TraceParent}) of the originating request, continued with a new parent id
     * by every service a Kafka hop reaches; the MDC key of the current web request's as well.
     */
    public static final String TRACEPARENT = "traceparent";

    /** The MDC key under which the web layer exposes the current request id. */
    public static final String MDC_REQUEST_ID = "requestId";

    private MetadataKeys() {
    }

    /** The text under {@code key}, or null: metadata values arrive as whatever the serializer made of them. */
    public static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    /** Who caused the message: the actor's token subject, or {@code system:<service>}. */
    public static String actorIdOf(Message<?> message) {
        return text(message.getMetaData(), ACTOR_ID);
    }

    public static String actorNameOf(Message<?> message) {
        return text(message.getMetaData(), ACTOR_NAME);
    }
}
