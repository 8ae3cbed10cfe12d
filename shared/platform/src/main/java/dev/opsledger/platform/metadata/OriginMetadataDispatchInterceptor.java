package dev.opsledger.platform.metadata;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.core.trace.TraceParent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;

/**
 * Stamps every command (and directly published event) with who asked and why, at the moment
 * it is dispatched:
 * <ul>
 *   <li>in a web request: {@code actorId}/{@code actorName} from the JWT ({@code sub},
 *       {@code preferred_username}), {@code requestId} and {@code traceparent} from the MDC;</li>
 *   <li>while handling another message (sagas, event handlers, deadlines): nothing to add, Axon
 *       already merged the handled message's correlation data into the new one (a saga's step is
 *       the service's own, see {@link OriginMetadataProvider});</li>
 *   <li>otherwise (schedulers, startup code, Kafka requests without an actor): actor
 *       {@code system}.</li>
 * </ul>
 * A message that starts a chain becomes its own correlation id, and starts a new trace when no
 * request or handled message gave it one, so every stored message has both.
 * Values set explicitly by the sender are never overwritten.
 */
public class OriginMetadataDispatchInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    private final String systemActorName;

    public OriginMetadataDispatchInterceptor(String systemActorName) {
        this.systemActorName = systemActorName;
    }

    @Override
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> stamp(message);
    }

    @SuppressWarnings("unchecked")
    M stamp(M message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> added = new HashMap<>();
        if (!metaData.containsKey(MetadataKeys.ACTOR_ID)) {
            Actor actor = CurrentActor.fromSecurityContext().orElseGet(() -> Actor.system(systemActorName));
            added.put(MetadataKeys.ACTOR_ID, actor.id());
            added.put(MetadataKeys.ACTOR_NAME, actor.name());
        }
        if (!metaData.containsKey(MetadataKeys.REQUEST_ID)) {
            String requestId = MDC.get(MetadataKeys.MDC_REQUEST_ID);
            if (requestId != null && !requestId.isBlank()) {
                added.put(MetadataKeys.REQUEST_ID, requestId);
            }
        }
        if (!metaData.containsKey(MetadataKeys.TRACEPARENT)) {
            added.put(MetadataKeys.TRACEPARENT, TraceParent.parse(MDC.get(MetadataKeys.TRACEPARENT))
                    .orElseGet(TraceParent::newTrace).toString());
        }
        if (!metaData.containsKey(MetadataKeys.CORRELATION_ID)) {
            added.put(MetadataKeys.CORRELATION_ID, message.getIdentifier());
        }
        return added.isEmpty() ? message : (M) message.andMetaData(added);
    }
}
