package dev.opsledger.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CorrelationProvidersTest {

    private final CorrelationIdsProvider correlationIds = new CorrelationIdsProvider();
    private final OriginMetadataProvider origin = new OriginMetadataProvider();

    @Test
    void givenMessageInTheMiddleOfAChain_whenHandled_thenCorrelationStaysAndCausationIsTheMessage() {
        Message<?> handled = GenericEventMessage.asEventMessage("approved")
                .andMetaData(Map.of(MetadataKeys.CORRELATION_ID, "root-1", MetadataKeys.CAUSATION_ID, "parent-1"));

        Map<String, Object> data = Map.copyOf(correlationIds.correlationDataFor(handled));

        assertThat(data).containsEntry(MetadataKeys.CORRELATION_ID, "root-1")
                .containsEntry(MetadataKeys.CAUSATION_ID, handled.getIdentifier());
    }

    @Test
    void givenFirstMessageOfAChain_whenHandled_thenItIsTheCorrelationAndTheCausation() {
        Message<?> handled = new GenericCommandMessage<>("request promotion");

        Map<String, Object> data = Map.copyOf(correlationIds.correlationDataFor(handled));

        assertThat(data).containsEntry(MetadataKeys.CORRELATION_ID, handled.getIdentifier())
                .containsEntry(MetadataKeys.CAUSATION_ID, handled.getIdentifier());
    }

    @Test
    void givenCommandFromAWebRequest_whenHandled_thenActorRequestAndTraceFlowOnAndNothingElse() {
        Message<?> handled = new GenericCommandMessage<>("request promotion").withMetaData(MetaData.from(Map.of(
                MetadataKeys.ACTOR_ID, "u-42", MetadataKeys.ACTOR_NAME, "alice",
                MetadataKeys.REQUEST_ID, "req-7", MetadataKeys.TRACEPARENT, "00-abc-def-01",
                "unrelated", "stays behind")));

        Map<String, Object> data = Map.copyOf(origin.correlationDataFor(handled));

        assertThat(data).isEqualTo(Map.of(
                MetadataKeys.ACTOR_ID, "u-42", MetadataKeys.ACTOR_NAME, "alice",
                MetadataKeys.REQUEST_ID, "req-7", MetadataKeys.TRACEPARENT, "00-abc-def-01"));
    }

    @Test
    void givenMessageWithoutOrigin_whenHandled_thenNoOriginDataIsInvented() {
        assertThat(origin.correlationDataFor(new GenericCommandMessage<>("x"))).isEmpty();
    }
}
