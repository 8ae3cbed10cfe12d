package dev.opsledger.platform.metadata;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

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
        return firstMetaDataOf(aggregateId)
                .flatMap(metaData -> Optional.ofNullable(metaData.get(MetadataKeys.CORRELATION_ID)))
                .map(Object::toString);
    }

    /**
     * The correlation id and the trace ({@code traceparent}) of the aggregate's first event, for a step
     * that belongs to its story but runs outside any request or handled message: a worker thread
     * reporting a run's outcome. Without the trace, the dispatch would start a new one, and the
     * answer to another service would leave the trace that asked for it. Empty for an unknown aggregate.
     */
    public MetaData chainOf(String aggregateId) {
        return firstMetaDataOf(aggregateId)
                .map(metaData -> metaData.subset(MetadataKeys.CORRELATION_ID, MetadataKeys.TRACEPARENT))
                .orElse(MetaData.emptyInstance());
    }

    private Optional<MetaData> firstMetaDataOf(String aggregateId) {
        // From sequence 0: readEvents(id) would start at a snapshot, whose metadata is not the story's start.
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        return stream.hasNext() ? Optional.of(stream.next().getMetaData()) : Optional.empty();
    }
}
