package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import org.junit.jupiter.api.Test;

class IntegrationRequestConsumerTest {

    @Test
    void givenRequestFromAnotherService_whenTurnedIntoCommandMetadata_thenTheChainAndActorContinue() {
        CloudEvent cloudEvent = CloudEventBuilder.v1().withId("ce-1").withSource(URI.create("/opsledger/release"))
                .withType("dev.opsledger.automation.record-sample-work.v1")
                .withExtension(CloudEventMapping.CORRELATION_ID, "corr-1")
                .withExtension(CloudEventMapping.ACTOR, "u-42").build();

        var metaData = IntegrationRequestConsumer.metaData(cloudEvent, new RecordSampleWorkV1("req-9", "task-1", 1));

        assertThat(metaData).containsEntry(MetadataKeys.CORRELATION_ID, "corr-1")
                .containsEntry(MetadataKeys.CAUSATION_ID, "ce-1")
                .containsEntry(MetadataKeys.REQUEST_ID, "req-9")
                .containsEntry(MetadataKeys.ACTOR_ID, "u-42")
                .doesNotContainKey(MetadataKeys.TRACEPARENT);
    }

    @Test
    void givenRequestStartingAChain_whenTurnedIntoCommandMetadata_thenItsIdIsTheCorrelation() {
        CloudEvent cloudEvent = CloudEventBuilder.v1().withId("ce-2").withSource(URI.create("/opsledger/release"))
                .withType("dev.opsledger.automation.record-sample-work.v1").build();

        assertThat(IntegrationRequestConsumer.metaData(cloudEvent, new RecordSampleWorkV1("req-1", "task-1", 1)))
                .containsEntry(MetadataKeys.CORRELATION_ID, "ce-2")
                .doesNotContainKey(MetadataKeys.ACTOR_ID);
    }
}
