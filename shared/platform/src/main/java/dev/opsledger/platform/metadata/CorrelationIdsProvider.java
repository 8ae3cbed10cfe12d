package dev.opsledger.platform.metadata;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries the chain of cause onto every message produced while handling another: the
 * {@code correlationId} of the first message stays the same along the whole chain (request →
 * approval → backup → deploy), the {@code causationId} is the message being handled. A deadline,
 * and a step the service took on its own ({@link ServiceActor}: a saga's command, an event such a
 * command caused), pass their own cause on instead, so every message of the step points to the
 * person's action behind it rather than to a command or deadline that no one sees in the audit trail.
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
        data.put(MetadataKeys.CAUSATION_ID, causeFor(message));
        return data;
    }

    private static Object causeFor(Message<?> message) {
        Object inherited = message.getMetaData().get(MetadataKeys.CAUSATION_ID);
        boolean passesItsCauseOn = message instanceof DeadlineMessage<?> || ServiceActor.tookStep(message);
        return passesItsCauseOn && inherited != null ? inherited : message.getIdentifier();
    }
}
