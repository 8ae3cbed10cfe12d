package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Declares that the service keeps track of another service's public event, e.g. a local read model
 * of the backup policies a lifecycle may refer to: {@code ForeignEventHandler.of(BackupPolicyDefined.class,
 * event -> policies.upsert(...))} as a bean. Services never call each other synchronously; what one
 * needs to know of another it learns from the other's events (DESIGN.md, "Between services").
 *
 * <p>Read by the same consumer as the answers ({@link IntegrationAnswerConsumer}), once per CloudEvent:
 * the handler runs in the transaction that records the event in the inbox, so it should write the
 * service's own tables only, idempotently (a replay from an earlier offset is possible).
 *
 * @param <E> the public record of {@code shared/contracts}
 */
public final class ForeignEventHandler<E extends IntegrationEvent> {

    private final Class<E> eventType;
    private final Consumer<? super E> handler;

    private ForeignEventHandler(Class<E> eventType, Consumer<? super E> handler) {
        this.eventType = Objects.requireNonNull(eventType);
        this.handler = Objects.requireNonNull(handler);
        cloudEventType();
    }

    public static <E extends IntegrationEvent> ForeignEventHandler<E> of(Class<E> eventType,
                                                                        Consumer<? super E> handler) {
        return new ForeignEventHandler<>(eventType, handler);
    }

    public OpsLedgerService publisher() {
        return Objects.requireNonNull(eventType.getAnnotation(MessageType.class),
                eventType.getName() + " is not a @MessageType").service();
    }

    public String cloudEventType() {
        return MessageTypes.typeOf(eventType);
    }

    Class<E> eventType() {
        return eventType;
    }

    void handle(Object event) {
        handler.accept(eventType.cast(event));
    }
}
