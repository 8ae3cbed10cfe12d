package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.platform.metadata.MetadataKeys;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Declares that one of the service's internal events answers the requests that lead to it, and
 * how it reads in public: {@code RequestAnswer.of(BackupSucceeded.class, (event, requestId) -> new
 * BackupSucceededV1(requestId, ...))} as a bean. It is an {@link IntegrationEventMapper}, so the
 * publisher sends the answer like any public event; the service writes no Kafka code.
 *
 * <p>The request id comes from the event's metadata: the consumer puts it on the request's command
 * and Axon copies it onto every event that command and its chain apply. It is given only to events
 * of a chain that a Kafka request started ({@link MetadataKeys#REQUEST_TYPE}); the same event
 * caused by a person or a schedule is published with a {@code null} request id, since a web
 * client's {@code X-Request-Id} is no request of another service.
 *
 * <p>Declare the event that settles the request, once per request: an event further down the
 * chain (a saga's next step) carries the same request id and would answer a second time.
 *
 * @param <E> the internal event
 */
public final class RequestAnswer<E> implements IntegrationEventMapper {

    private final Class<E> eventType;
    private final BiFunction<? super E, String, ? extends IntegrationAnswer> answer;

    private RequestAnswer(Class<E> eventType, BiFunction<? super E, String, ? extends IntegrationAnswer> answer) {
        this.eventType = Objects.requireNonNull(eventType);
        this.answer = Objects.requireNonNull(answer);
    }

    /**
     * @param answer the public record for the event and the id of the request it answers ({@code null}
     *               when it answers none)
     */
    public static <E> RequestAnswer<E> of(Class<E> eventType,
                                          BiFunction<? super E, String, ? extends IntegrationAnswer> answer) {
        return new RequestAnswer<>(eventType, answer);
    }

    @Override
    public Optional<? extends IntegrationAnswer> map(EventMessage<?> event) {
        if (!eventType.isInstance(event.getPayload())) {
            return Optional.empty();
        }
        return Optional.of(answer.apply(eventType.cast(event.getPayload()), requestIdOf(event)));
    }

    /** The id of the Kafka request whose chain produced the event, or {@code null}. */
    public static String requestIdOf(EventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        Object requestId = metaData.get(MetadataKeys.REQUEST_ID);
        return metaData.containsKey(MetadataKeys.REQUEST_TYPE) && requestId != null ? requestId.toString() : null;
    }
}
