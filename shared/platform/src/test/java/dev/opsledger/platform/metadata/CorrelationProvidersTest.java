package dev.opsledger.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CorrelationProvidersTest {

    private final CorrelationIdsProvider correlationIds = new CorrelationIdsProvider();
    private final OriginMetadataProvider origin = new OriginMetadataProvider("release-service");

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

    @Test
    void givenEventOfAPerson_whenASagaReactsToIt_thenItsCommandIsTheServicesStepCausedByThatEvent() {
        Message<?> overridden = GenericEventMessage.asEventMessage("freeze overridden").andMetaData(Map.of(
                MetadataKeys.ACTOR_ID, "u-admin", MetadataKeys.ACTOR_NAME, "adam", MetadataKeys.REQUEST_ID, "req-7",
                MetadataKeys.CORRELATION_ID, "root-1", MetadataKeys.CAUSATION_ID, "override-command"));

        Map<String, Object> data = handle(overridden);

        assertThat(data).containsEntry(MetadataKeys.ACTOR_ID, "system:release-service")
                .containsEntry(MetadataKeys.ACTOR_NAME, "release-service")
                .containsEntry(MetadataKeys.REQUEST_ID, "req-7")
                .containsEntry(MetadataKeys.CORRELATION_ID, "root-1")
                .containsEntry(MetadataKeys.CAUSATION_ID, overridden.getIdentifier());
    }

    @Test
    void givenDeadlineTheServiceSet_whenItFires_thenWhatItSendsPointsToThePersonsActionNotTheDeadline() {
        Message<?> windowOpens = GenericDeadlineMessage.asDeadlineMessage("deployment-slot", "promo-1",
                Instant.now()).andMetaData(Map.of(
                MetadataKeys.ACTOR_ID, "system:release-service", MetadataKeys.ACTOR_NAME, "release-service",
                MetadataKeys.CORRELATION_ID, "root-1", MetadataKeys.CAUSATION_ID, "approved-by-bob"));

        Map<String, Object> data = handle(windowOpens);

        assertThat(data).containsEntry(MetadataKeys.ACTOR_ID, "system:release-service")
                .containsEntry(MetadataKeys.CAUSATION_ID, "approved-by-bob");
    }

    @Test
    void givenCommandTheServiceSentItself_whenHandled_thenItsEventsAreTheServicesAndPointToThePersonsAction() {
        Message<?> startDeployment = new GenericCommandMessage<>("start deployment").andMetaData(Map.of(
                MetadataKeys.ACTOR_ID, "system:release-service", MetadataKeys.ACTOR_NAME, "release-service",
                MetadataKeys.CORRELATION_ID, "root-1", MetadataKeys.CAUSATION_ID, "approved-by-bob"));

        Map<String, Object> data = handle(startDeployment);

        assertThat(data).containsEntry(MetadataKeys.ACTOR_ID, "system:release-service")
                .containsEntry(MetadataKeys.ACTOR_NAME, "release-service")
                .containsEntry(MetadataKeys.CAUSATION_ID, "approved-by-bob");
    }

    @Test
    void givenCommandOfAPerson_whenHandled_thenItsEventsAreThePersonsAndCausedByTheCommand() {
        Message<?> approve = new GenericCommandMessage<>("approve").andMetaData(Map.of(
                MetadataKeys.ACTOR_ID, "u-bob", MetadataKeys.ACTOR_NAME, "bob",
                MetadataKeys.CORRELATION_ID, "root-1", MetadataKeys.CAUSATION_ID, "web-request"));

        Map<String, Object> data = handle(approve);

        assertThat(data).containsEntry(MetadataKeys.ACTOR_ID, "u-bob")
                .containsEntry(MetadataKeys.CAUSATION_ID, approve.getIdentifier());
    }

    /** What Axon merges onto every message sent or applied while {@code handled} is handled. */
    private Map<String, Object> handle(Message<?> handled) {
        Map<String, Object> data = new HashMap<>(origin.correlationDataFor(handled));
        data.putAll(correlationIds.correlationDataFor(handled));
        return data;
    }
}
