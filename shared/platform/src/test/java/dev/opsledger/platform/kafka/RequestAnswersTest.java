package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.RequestFailed;
import dev.opsledger.contracts.RequestRejected;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.sample.SampleMessages.SampleTaskOpened;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.SampleWorkRecordedV1;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** How the service's events and the platform's refusals become public answers. */
class RequestAnswersTest {

    private static final String REQUEST_TYPE = "dev.opsledger.automation.record-sample-work.v1";

    private final RequestAnswer<SampleWorkRecorded> answer = RequestAnswer.of(SampleWorkRecorded.class,
            (recorded, requestId) -> new SampleWorkRecordedV1(recorded.taskId(), recorded.amount(), recorded.total(), requestId));

    @Test
    void givenDeclaredEventOfARequestsChain_whenMapped_thenItAnswersWithTheRequestId() {
        EventMessage<?> event = recorded(Map.of(MetadataKeys.REQUEST_ID, "req-1", MetadataKeys.REQUEST_TYPE, REQUEST_TYPE));

        assertThat(answer.map(event).orElseThrow()).isEqualTo(new SampleWorkRecordedV1("task-1", 2, 2, "req-1"));
    }

    @Test
    void givenDeclaredEventOfAWebRequest_whenMapped_thenPublishedWithoutARequestId() {
        // The X-Request-Id of a web client is no request of another service: nobody waits for it on Kafka.
        EventMessage<?> event = recorded(Map.of(MetadataKeys.REQUEST_ID, "http-7f3a"));

        assertThat(answer.map(event).orElseThrow()).isEqualTo(new SampleWorkRecordedV1("task-1", 2, 2, null));
    }

    @Test
    void givenAnotherEvent_whenMapped_thenNoAnswer() {
        EventMessage<?> event = new GenericDomainEventMessage<>("SampleTask", "task-1", 0, new SampleTaskOpened("task-1", 3),
                Map.of(MetadataKeys.REQUEST_ID, "req-1", MetadataKeys.REQUEST_TYPE, REQUEST_TYPE));

        assertThat(answer.map(event)).isEmpty();
    }

    @Test
    void givenStoredRefusals_whenMapped_thenTheyArePublicAnswersDatedByTheirEvent() {
        RequestRefusals refusals = new RequestRefusals(null);
        EventMessage<?> failed = GenericEventMessage.asEventMessage(new IntegrationRequestFailed("req-1", REQUEST_TYPE,
                "/opsledger/release", "task-1", "sample.limit-exceeded", "work 5 exceeds the remaining 1"));
        EventMessage<?> rejected = GenericEventMessage.asEventMessage(new IntegrationRequestRejected("req-2",
                "dev.opsledger.automation.record-sample-work.v9", "/opsledger/release", "req-2",
                RequestRejected.UNSUPPORTED_TYPE, "this service serves [...]"));

        assertThat(refusals.map(failed).orElseThrow()).isEqualTo(new RequestFailed("req-1", REQUEST_TYPE, "task-1",
                "sample.limit-exceeded", "work 5 exceeds the remaining 1", failed.getTimestamp()));
        assertThat(refusals.map(rejected).orElseThrow()).isEqualTo(new RequestRejected("req-2",
                "dev.opsledger.automation.record-sample-work.v9", "req-2", RequestRejected.UNSUPPORTED_TYPE,
                "this service serves [...]", rejected.getTimestamp()));
        assertThat(refusals.map(recorded(Map.of()))).isEmpty();
    }

    @Test
    void givenFailure_whenClassified_thenARuleGivesItsCodeAndItsMessageAndAnythingElseStaysGeneric() {
        Exception refused = new ListenerExecutionFailedException("listener failed",
                BusinessRuleViolation.unprocessable("sample.limit-exceeded", "work 5 exceeds the remaining 1"));
        Exception broken = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("connection reset by peer at 10.0.0.7"));

        assertThat(RequestFailureRecoverer.reasonOf(refused)).isEqualTo("sample.limit-exceeded");
        assertThat(RequestFailureRecoverer.detailOf(refused)).isEqualTo("work 5 exceeds the remaining 1");
        assertThat(RequestFailureRecoverer.reasonOf(broken)).isEqualTo(RequestFailed.COMMAND_FAILED);
        assertThat(RequestFailureRecoverer.detailOf(broken)).doesNotContain("10.0.0.7");
        assertThat(RequestFailureRecoverer.reasonOf(new RequestNotReadable("no requestId", null)))
                .isEqualTo(RequestNotReadable.REASON);
    }

    private static EventMessage<?> recorded(Map<String, ?> metaData) {
        return new GenericDomainEventMessage<>("SampleTask", "task-1", 1, new SampleWorkRecorded("task-1", 2, 2), metaData);
    }
}
