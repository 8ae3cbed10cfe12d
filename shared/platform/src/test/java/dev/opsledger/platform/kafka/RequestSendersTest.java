package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.backup.TakeBackup;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiving side of "who may send what": only a service its request's {@code @SentBy} names. */
class RequestSendersTest {

    private static final String SAMPLE_TYPE = "dev.opsledger.automation.record-sample-work.v1";

    /** The sample plays automation-service and serves the sample request, which release-service sends. */
    private final RequestSenders senders = new RequestSenders(OpsLedgerService.AUTOMATION,
            List.of(handler(RecordSampleWorkV1.class)));

    @Test
    void givenRequestFromTheServiceItsRecordNames_whenChecked_thenAllowed() {
        assertThat(senders.allows(request("/opsledger/release", SAMPLE_TYPE))).isTrue();
    }

    @Test
    void givenRequestClaimingAServiceThatDoesNotSendIt_whenChecked_thenRefused() {
        assertThat(senders.allows(request("/opsledger/backup", SAMPLE_TYPE))).isFalse();
        assertThat(senders.allows(request("/opsledger/access", SAMPLE_TYPE))).isFalse();
        assertThat(senders.allows(request("/opsledger/automation", SAMPLE_TYPE)))
                .as("the receiver itself never sends itself a request").isFalse();
        assertThat(senders.expected(request("/opsledger/backup", SAMPLE_TYPE))).isEqualTo("[/opsledger/release]");
    }

    @Test
    void givenRequestFromNoOpsLedgerService_whenChecked_thenRefused() {
        assertThat(senders.allows(request("/other-team/tool", SAMPLE_TYPE))).isFalse();
        assertThat(senders.allows(request("/opsledger/release/../backup", SAMPLE_TYPE))).isFalse();
        assertThat(senders.allows(request("urn:opsledger:release", SAMPLE_TYPE))).isFalse();
    }

    @Test
    void givenTypeNotServed_whenChecked_thenOnlyAServiceThatSendsThisServiceRequestsMayHearItIsUnsupported() {
        String newerVersion = "dev.opsledger.automation.record-sample-work.v2";

        assertThat(senders.allows(request("/opsledger/release", newerVersion))).isTrue();
        assertThat(senders.allows(request("/opsledger/backup", newerVersion))).isFalse();
    }

    @Test
    void givenHandlerOfARequestThatNamesNoSender_whenConsumerBuilt_thenItFailsAtStartup() {
        assertThatThrownBy(() -> new RequestSenders(OpsLedgerService.AUTOMATION, List.of(handler(Unsendable.class))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@SentBy");
    }

    @Test
    void givenTheRealBackupRequest_whenBackupChecksIt_thenOnlyReleaseMaySendIt() {
        RequestSenders backup = new RequestSenders(OpsLedgerService.BACKUP, List.of(handler(TakeBackup.class)));
        String type = "dev.opsledger.backup.take-backup.v1";

        assertThat(backup.allows(request("/opsledger/release", type))).isTrue();
        assertThat(backup.allows(request("/opsledger/access", type))).isFalse();
        assertThat(backup.allows(request("/opsledger/automation", type))).isFalse();
    }

    @MessageType(service = OpsLedgerService.AUTOMATION, name = "unsendable", version = 1)
    record Unsendable(String requestId, String subject) implements IntegrationRequest {
    }

    private static <R extends IntegrationRequest> IntegrationRequestHandler<R> handler(Class<R> type) {
        return new IntegrationRequestHandler<>() {
            @Override
            public Class<R> requestType() {
                return type;
            }

            @Override
            public Object toCommand(R request) {
                return null;
            }
        };
    }

    private static RequestEnvelope request(String source, String type) {
        return new RequestEnvelope(CloudEventBuilder.v1().withId("ce-1").withSource(URI.create(source))
                .withType(type).build(), "req-1");
    }
}
