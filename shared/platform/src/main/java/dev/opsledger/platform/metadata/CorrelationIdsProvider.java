package dev.opsledger.platform.metadata;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries the chain of cause onto every message produced while handling another: the
 * {@code correlationId} of the first message stays the same along the whole chain (request →
 * approval → backup → deploy), the {@code causationId} is the message being handled.
 *
 * <p>Replaces Axon's {@code MessageOriginProvider}, whose "correlationId" means the direct parent
 * (our causation) and whose "traceId" means the root (our correlation): one vocabulary only.
 */
public class CorrelationIdsProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object correlationId = message.getMetaData().get(MetadataKeys.CORRELATION_ID);
        data.put(MetadataKeys.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
