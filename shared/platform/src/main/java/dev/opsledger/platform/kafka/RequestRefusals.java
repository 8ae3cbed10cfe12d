package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.RequestFailed;
import dev.opsledger.contracts.RequestRejected;
import java.util.Optional;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The answers the platform gives on a service's behalf: a request rejected or failed. Each is
 * stored as an event in the service's own event store, inside the transaction that marks the
 * request processed, and reaches Kafka through the {@link IntegrationEventPublisher} like any
 * other public event (ADR 007). So the answer is as durable as the service's history, is given
 * once however often the request arrives, and is not lost when Kafka is down.
 */
public class RequestRefusals implements IntegrationEventMapper {

    private final EventBus eventBus;

    public RequestRefusals(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    /** Must run in the transaction that marked the request processed. */
    void reject(RequestEnvelope request, String reason, String detail) {
        store(request, new IntegrationRequestRejected(request.requestId(), request.type(), request.source(),
                request.subject(), reason, detail));
    }

    /** Must run in the transaction that marked the request processed. */
    void fail(RequestEnvelope request, String reason, String detail) {
        store(request, new IntegrationRequestFailed(request.requestId(), request.type(), request.source(),
                request.subject(), reason, detail));
    }

    private void store(RequestEnvelope request, Object event) {
        // Outside a unit of work the event store appends at once, through Axon's SpringTransactionManager,
        // which joins the caller's transaction: the answer commits or rolls back with the inbox row.
        eventBus.publish(GenericEventMessage.asEventMessage(event).andMetaData(request.metaData()));
    }

    @Override
    public Optional<? extends IntegrationEvent> map(EventMessage<?> event) {
        return switch (event.getPayload()) {
            case IntegrationRequestFailed failed -> Optional.of(new RequestFailed(failed.requestId(),
                    failed.requestType(), failed.subject(), failed.reason(), failed.detail(), event.getTimestamp()));
            case IntegrationRequestRejected rejected -> Optional.of(new RequestRejected(rejected.requestId(),
                    rejected.requestType(), rejected.subject(), rejected.reason(), rejected.detail(),
                    event.getTimestamp()));
            default -> Optional.empty();
        };
    }
}
