package dev.opsledger.platform.metadata;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The correlation id an aggregate's story started with. A later command about the same thing
 * (an approval of a promotion, a deployment result) is sent within that chain, so one
 * correlation id finds the whole story in the audit trail: request → approvals → deploy.
 *
 * <p>Read from the aggregate's first stored event, not from a read model: the event store is
 * consistent the moment the first command returns, a projection may not be yet.
 */
public class CorrelationChains {

    private final EventStore eventStore;

    public CorrelationChains(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The {@code correlationId} of the aggregate's first event; empty for an unknown aggregate. */
    public Optional<String> correlationIdOf(String aggregateId) {
        // From sequence 0: readEvents(id) would start at a snapshot, whose metadata is not the story's start.
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        return Optional.ofNullable(stream.next().getMetaData().get(MetadataKeys.CORRELATION_ID)).map(Object::toString);
    }
}
