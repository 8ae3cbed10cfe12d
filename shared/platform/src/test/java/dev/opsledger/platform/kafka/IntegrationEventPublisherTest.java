package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.sample.SampleMessages.SampleTaskOpened;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.SampleWorkRecordedV1;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IntegrationEventPublisherTest {

    private static final IntegrationEventMapper MAPPER = event -> event.getPayload() instanceof SampleWorkRecorded r
            ? Optional.of(new SampleWorkRecordedV1(r.taskId(), r.amount(), r.total(), null))
            : Optional.empty();

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventMapping mapping = new CloudEventMapping(OpsLedgerService.AUTOMATION, json);

    @Test
    void givenMappedEvent_whenBuildingTheRecord_thenItIsAStructuredCloudEventKeyedByAggregate() {
        EventMessage<?> event = new GenericDomainEventMessage<>("SampleTask", "task-1", 3,
                new SampleWorkRecorded("task-1", 2, 5), Map.of(
                MetadataKeys.CORRELATION_ID, "corr-1", MetadataKeys.CAUSATION_ID, "cause-1",
                MetadataKeys.ACTOR_ID, "u-42", MetadataKeys.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        IntegrationEventPublisher publisher = publisher(List.of(MAPPER));

        ProducerRecord<String, byte[]> record = publisher.record(event, publisher.map(event).orElseThrow());

        assertThat(record.topic()).isEqualTo("opsledger.automation.events");
        assertThat(record.key()).isEqualTo("task-1");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        CloudEvent cloudEvent = mapping.deserialize(record.value());
        assertThat(cloudEvent.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(cloudEvent.getId()).isEqualTo(event.getIdentifier());
        assertThat(cloudEvent.getSource()).hasToString("/opsledger/automation");
        assertThat(cloudEvent.getType()).isEqualTo("dev.opsledger.automation.sample-work-recorded.v1");
        assertThat(cloudEvent.getSubject()).isEqualTo("task-1");
        assertThat(cloudEvent.getTime().toInstant()).isEqualTo(event.getTimestamp());
        assertThat(cloudEvent.getExtension("correlationid")).isEqualTo("corr-1");
        assertThat(cloudEvent.getExtension("causationid")).isEqualTo("cause-1");
        assertThat(cloudEvent.getExtension("actor")).isEqualTo("u-42");
        assertThat(cloudEvent.getExtension("traceparent")).asString().startsWith("00-4bf92f");
        assertThat(mapping.data(cloudEvent, SampleWorkRecordedV1.class)).isEqualTo(new SampleWorkRecordedV1("task-1", 2, 5, null));
    }

    @Test
    void givenStructuredJson_whenReadByAnyConsumer_thenDataIsPlainJsonNotBase64() {
        EventMessage<?> event = new GenericDomainEventMessage<>("SampleTask", "task-1", 0,
                new SampleWorkRecorded("task-1", 2, 2));
        IntegrationEventPublisher publisher = publisher(List.of(MAPPER));

        JsonNode envelope = json.readTree(publisher.record(event, publisher.map(event).orElseThrow()).value());

        assertThat(envelope.get("data").get("total").asInt()).isEqualTo(2);
        assertThat(envelope.has("data_base64")).isFalse();
        assertThat(envelope.has("traceparent")).as("absent metadata gives no empty extension").isFalse();
    }

    @Test
    void givenInternalEventWithoutMapping_whenHandled_thenNothingIsPublished() {
        EventMessage<?> event = new GenericDomainEventMessage<>("SampleTask", "task-1", 0, new SampleTaskOpened("task-1", 3));

        assertThat(publisher(List.of(MAPPER)).map(event)).isEmpty();
    }

    @Test
    void givenTwoMappersForOneEvent_whenHandled_thenFailsInsteadOfPublishingTwoMessagesWithOneId() {
        EventMessage<?> event = new GenericDomainEventMessage<>("SampleTask", "task-1", 0, new SampleWorkRecorded("task-1", 1, 1));

        assertThatThrownBy(() -> publisher(List.of(MAPPER, MAPPER)).map(event)).isInstanceOf(IllegalStateException.class);
    }

    private IntegrationEventPublisher publisher(List<IntegrationEventMapper> mappers) {
        // The Kafka template is not used by map/record; sending is covered by KafkaBridgeIT.
        return new IntegrationEventPublisher(mappers, mapping, null, OpsLedgerService.AUTOMATION.eventsTopic(), Duration.ofSeconds(1));
    }
}
