package dev.opsledger.platform.sample;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.SentBy;

/** Stand-ins for records of {@code shared/contracts}; the sample app plays the automation service. */
public final class SamplePublicMessages {

    private SamplePublicMessages() {
    }

    /** Published for all recorded work; answers a {@link RecordSampleWorkV1} when one asked for it. */
    @MessageType(service = OpsLedgerService.AUTOMATION, name = "sample-work-recorded", version = 1)
    public record SampleWorkRecordedV1(String subject, int amount, int total, String requestId)
            implements IntegrationAnswer {
    }

    @SentBy(OpsLedgerService.RELEASE)
    @MessageType(service = OpsLedgerService.AUTOMATION, name = "record-sample-work", version = 1)
    public record RecordSampleWorkV1(String requestId, String subject, int amount) implements IntegrationRequest {
    }
}
