package dev.opsledger.platform.metadata;

import dev.opsledger.platform.actor.Actor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies who asked and from which request ({@code actorId}, {@code actorName},
 * {@code requestId}, {@code requestType}, {@code traceparent}) from the message being handled to what it causes:
 * <ul>
 *   <li>a command's events keep the command's actor: whoever sent the command did what happened;</li>
 *   <li>what a saga or handler sends in reaction to an event, and what a deadline sets off, is a
 *       step the service takes on its own, attributed to the {@link ServiceActor}. The person whose
 *       event it reacts to stays findable through the causation id ({@link CorrelationIdsProvider}),
 *       but is not named as having done it: an admin who overrode a freeze did not start the
 *       deployment that a window opening started later.</li>
 * </ul>
 */
public class OriginMetadataProvider implements CorrelationDataProvider {

    static final List<String> KEYS = List.of(
            MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_NAME, MetadataKeys.REQUEST_ID, MetadataKeys.REQUEST_TYPE,
            MetadataKeys.TRACEPARENT);

    private final Actor service;

    public OriginMetadataProvider(String serviceName) {
        this.service = ServiceActor.of(serviceName);
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        if (!(message instanceof CommandMessage<?>)) {
            data.put(MetadataKeys.ACTOR_ID, service.id());
            data.put(MetadataKeys.ACTOR_NAME, service.name());
        }
        return data;
    }
}
