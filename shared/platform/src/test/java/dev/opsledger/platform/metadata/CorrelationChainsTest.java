package dev.opsledger.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CorrelationChainsTest {

    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final CorrelationChains chains = new CorrelationChains(eventStore);

    @Test
    void givenAggregateWhoseStoryStartedOnATrace_whenAWorkerAsksForItsChain_thenCorrelationAndTraceOfTheFirstEvent() {
        eventStore.publish(new GenericDomainEventMessage<>("Run", "run-1", 0, "requested", MetaData.from(Map.of(
                MetadataKeys.CORRELATION_ID, "corr-1", MetadataKeys.TRACEPARENT, TRACE,
                MetadataKeys.ACTOR_ID, "u-42", MetadataKeys.CAUSATION_ID, "ce-1"))));
        eventStore.publish(new GenericDomainEventMessage<>("Run", "run-1", 1, "started", MetaData.from(Map.of(
                MetadataKeys.CORRELATION_ID, "other", MetadataKeys.TRACEPARENT, "00-" + "1".repeat(32) + "-"
                        + "2".repeat(16) + "-01"))));

        assertThat(chains.chainOf("run-1")).isEqualTo(MetaData.from(Map.of(
                MetadataKeys.CORRELATION_ID, "corr-1", MetadataKeys.TRACEPARENT, TRACE)));
        assertThat(chains.correlationIdOf("run-1")).contains("corr-1");
    }

    @Test
    void givenUnknownAggregate_whenAskedForItsChain_thenNothingToJoin() {
        assertThat(chains.chainOf("nobody")).isEmpty();
        assertThat(chains.correlationIdOf("nobody")).isEmpty();
    }
}
