package dev.opsledger.platform.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies who asked and from which request ({@code actorId}, {@code actorName},
 * {@code requestId}, {@code requestType}, {@code traceparent}) from the message being handled to every event it
 * causes and every command a saga or handler sends in reaction: the history of a deploy still
 * names the engineer who requested the promotion.
 */
public class OriginMetadataProvider implements CorrelationDataProvider {

    static final List<String> KEYS = List.of(
            MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_NAME, MetadataKeys.REQUEST_ID, MetadataKeys.REQUEST_TYPE,
            MetadataKeys.TRACEPARENT);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }
}
