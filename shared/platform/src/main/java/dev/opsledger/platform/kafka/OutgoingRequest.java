package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.Requests;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;

/**
 * Declares that one of the service's internal events asks another service for something, and what:
 * {@code OutgoingRequest.of(BackupRequested.class, event -> new TakeBackup(event.requestId(), ...))} as
 * a bean. The aggregate decides to ask by applying the event, so the decision is in its history; the
 * {@link IntegrationRequestSender} then sends it to the receiving service's requests topic, durably.
 * The service writes no Kafka code.
 *
 * @param <E> the internal event
 */
public final class OutgoingRequest<E> {

    private final Class<E> eventType;
    private final Function<? super E, ? extends IntegrationRequest> request;

    private OutgoingRequest(Class<E> eventType, Function<? super E, ? extends IntegrationRequest> request) {
        this.eventType = Objects.requireNonNull(eventType);
        this.request = Objects.requireNonNull(request);
    }

    /**
     * @param request the request for the event; its id must be derived
     *                ({@link dev.opsledger.platform.request.RequestIds}), never random
     */
    public static <E> OutgoingRequest<E> of(Class<E> eventType,
                                            Function<? super E, ? extends IntegrationRequest> request) {
        return new OutgoingRequest<>(eventType, request);
    }

    Optional<IntegrationRequest> map(EventMessage<?> event) {
        if (!eventType.isInstance(event.getPayload())) {
            return Optional.empty();
        }
        return Optional.of(request.apply(eventType.cast(event.getPayload())));
    }

    /** The service a request record is addressed to: its {@link MessageType}'s. */
    static OpsLedgerService receiverOf(Class<? extends IntegrationRequest> requestType) {
        if (requestType.getAnnotation(MessageType.class) == null) {
            // Fails the same way MessageTypes does, with its explanation.
            MessageTypes.typeOf(requestType);
        }
        return Requests.receiverOf(requestType);
    }
}
