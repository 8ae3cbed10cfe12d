package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IntegrationRequestConsumerTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventMapping mapping = new CloudEventMapping(OpsLedgerService.AUTOMATION, json);

    @Test
    void givenRequestFromAnotherService_whenTurnedIntoCommandMetadata_thenTheChainAndActorContinue() {
        CloudEvent cloudEvent = CloudEventBuilder.v1().withId("ce-1").withSource(URI.create("/opsledger/release"))
                .withType("dev.opsledger.automation.record-sample-work.v1")
                .withExtension(CloudEventMapping.CORRELATION_ID, "corr-1")
                .withExtension(CloudEventMapping.ACTOR, "u-42").build();

        var metaData = new RequestEnvelope(cloudEvent, "req-9").metaData();

        assertThat(metaData).containsEntry(MetadataKeys.CORRELATION_ID, "corr-1")
                .containsEntry(MetadataKeys.CAUSATION_ID, "ce-1")
                .containsEntry(MetadataKeys.REQUEST_ID, "req-9")
                .containsEntry(MetadataKeys.REQUEST_TYPE, "dev.opsledger.automation.record-sample-work.v1")
                .containsEntry(MetadataKeys.ACTOR_ID, "u-42")
                .doesNotContainKey(MetadataKeys.TRACEPARENT);
    }

    @Test
    void givenRequestStartingAChain_whenTurnedIntoCommandMetadata_thenItsIdIsTheCorrelation() {
        CloudEvent cloudEvent = CloudEventBuilder.v1().withId("ce-2").withSource(URI.create("/opsledger/release"))
                .withType("dev.opsledger.automation.record-sample-work.v1").build();

        assertThat(new RequestEnvelope(cloudEvent, "req-1").metaData())
                .containsEntry(MetadataKeys.CORRELATION_ID, "ce-2")
                .doesNotContainKey(MetadataKeys.ACTOR_ID);
    }

    @Test
    void givenRequestOfAnyType_whenRead_thenItsRequestIdAndSubjectAreKnownWithoutItsRecord() {
        byte[] bytes = mapping.serialize(request("dev.opsledger.automation.unknown-thing.v7", "task-1",
                json.writeValueAsBytes(new RecordSampleWorkV1("req-3", "task-1", 1))));

        RequestEnvelope request = RequestEnvelope.read(bytes, mapping);

        assertThat(request.requestId()).isEqualTo("req-3");
        assertThat(request.subject()).isEqualTo("task-1");
        assertThat(request.source()).isEqualTo("/opsledger/release");
        assertThat(request.type()).isEqualTo("dev.opsledger.automation.unknown-thing.v7");
    }

    @Test
    void givenRequestWithoutSubject_whenRead_thenTheAnswerIsKeyedByItsRequestId() {
        byte[] bytes = mapping.serialize(request("dev.opsledger.automation.record-sample-work.v1", null,
                "{\"requestId\":\"req-4\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(RequestEnvelope.read(bytes, mapping).subject()).isEqualTo("req-4");
    }

    @Test
    void givenNoCloudEventOrNoRequestId_whenRead_thenNotReadableAndNeverRetried() {
        byte[] noRequestId = mapping.serialize(request("dev.opsledger.automation.record-sample-work.v1", "task-1",
                "{\"subject\":\"task-1\"}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> RequestEnvelope.read("not json".getBytes(StandardCharsets.UTF_8), mapping))
                .isInstanceOf(RequestNotReadable.class);
        assertThatThrownBy(() -> RequestEnvelope.read(null, mapping)).isInstanceOf(RequestNotReadable.class);
        assertThatThrownBy(() -> RequestEnvelope.read(noRequestId, mapping))
                .isInstanceOf(RequestNotReadable.class).hasMessageContaining("no requestId");
    }

    private static CloudEvent request(String type, String subject, byte[] data) {
        return CloudEventBuilder.v1().withId("ce-3").withSource(URI.create("/opsledger/release")).withType(type)
                .withSubject(subject).withDataContentType("application/json").withData(data).build();
    }
}
