package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.RequestFailed;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.core.trace.TraceParent;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.request.RequestIds;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import dev.opsledger.platform.sample.SamplePublicMessages.SampleWorkRecordedV1;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requester's side of the bridge without a broker: what the sender sends and records, and which
 * answers the consumer turns into commands. The sample app's request is addressed to automation;
 * here release sends it.
 */
class RequesterSideTest {

    private static final OpsLedgerService REQUESTER = OpsLedgerService.RELEASE;

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventMapping releaseMapping = new CloudEventMapping(REQUESTER, json);
    private final CloudEventMapping automationMapping = new CloudEventMapping(OpsLedgerService.AUTOMATION, json);
    private final FakeSentRequests sentRequests = new FakeSentRequests();
    private final FakeInbox inbox = new FakeInbox();
    private final RecordingGateway gateway = new RecordingGateway();

    @Test
    void givenAggregateAndAttempt_whenRequestIdDerived_thenItIsStableAndNamesTheRequester() {
        String first = RequestIds.of(REQUESTER.id(), "p-1", "deploy", 1);

        assertThat(first).isEqualTo("release:p-1:deploy:1").isEqualTo(RequestIds.of(REQUESTER.id(), "p-1", "deploy", 1));
        assertThat(RequestIds.of(REQUESTER.id(), "p-1", "deploy", 2)).isNotEqualTo(first);
        assertThat(RequestIds.isFrom(REQUESTER.id(), first)).isTrue();
        assertThat(RequestIds.isFrom(OpsLedgerService.ACCESS.id(), first)).isFalse();
        assertThatThrownBy(() -> RequestIds.of(REQUESTER.id(), "p-1", "deploy", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenEventDeclaredAsRequest_whenSent_thenCloudEventGoesToTheReceiversRequestsTopicInTheChain() {
        var sender = new IntegrationRequestSender(List.of(OutgoingRequest.of(SampleWorkRecorded.class,
                e -> new RecordSampleWorkV1(RequestIds.of(REQUESTER.id(), e.taskId(), "work", 1), e.taskId(), e.amount()))),
                releaseMapping, sentRequests, null, java.time.Duration.ofSeconds(1));
        var event = new GenericDomainEventMessage<>("SampleTask", "t-1", 3, new SampleWorkRecorded("t-1", 2, 5),
                MetaData.with(MetadataKeys.CORRELATION_ID, "corr-1").and(MetadataKeys.ACTOR_ID, "system:release-service")
                        .and(MetadataKeys.TRACEPARENT, "00-aa-bb-01"));

        List<ProducerRecord<String, byte[]>> records = sender.records(event);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("opsledger.automation.requests");
            assertThat(record.key()).isEqualTo("t-1");
            CloudEvent sent = releaseMapping.deserialize(record.value());
            assertThat(sent.getId()).isEqualTo(event.getIdentifier());
            assertThat(sent.getType()).isEqualTo("dev.opsledger.automation.record-sample-work.v1");
            assertThat(sent.getSource()).hasToString("/opsledger/release");
            assertThat(sent.getExtension(CloudEventMapping.CORRELATION_ID)).isEqualTo("corr-1");
            assertThat(sent.getExtension(CloudEventMapping.TRACEPARENT)).isEqualTo("00-aa-bb-01");
            assertThat(releaseMapping.data(sent, RecordSampleWorkV1.class).requestId()).isEqualTo("release:t-1:work:1");
        });
        assertThat(sentRequests.find("release:t-1:work:1")).contains(new SentRequest("release:t-1:work:1",
                "dev.opsledger.automation.record-sample-work.v1", "t-1"));
    }

    @Test
    void givenEventNotDeclared_whenSent_thenNothingIsSentOrRecorded() {
        var sender = new IntegrationRequestSender(List.of(), releaseMapping, sentRequests, null,
                java.time.Duration.ofSeconds(1));

        assertThat(sender.records(new GenericDomainEventMessage<>("SampleTask", "t-1", 0,
                new SampleWorkRecorded("t-1", 1, 1)))).isEmpty();
        assertThat(sentRequests.rows).isEmpty();
    }

    @Test
    void givenAnswerToOurRequest_whenConsumed_thenOneCommandAsTheServicesStepCausedByTheAnswer() {
        sentRequests.rows.put("release:t-1:work:1", sent("release:t-1:work:1"));
        CloudEvent answer = answer("ce-1", "release:t-1:work:1");

        consumer().onMessage(record(answer));

        assertThat(gateway.sent).singleElement().satisfies(command -> {
            assertThat(command.getPayload()).isEqualTo("recorded t-1 total 7");
            assertThat(command.getMetaData()).containsEntry(MetadataKeys.CORRELATION_ID, "corr-1")
                    .containsEntry(MetadataKeys.CAUSATION_ID, "ce-1")
                    .containsEntry(MetadataKeys.ACTOR_ID, "system:release-service")
                    .doesNotContainKey(MetadataKeys.REQUEST_TYPE);
        });
    }

    @Test
    void givenAnswerOnATrace_whenConsumed_thenTheCommandContinuesTheTraceUnderANewParentId() {
        sentRequests.rows.put("release:t-1:work:1", sent("release:t-1:work:1"));
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        CloudEvent answer = CloudEventBuilder.v1(answer("ce-1", "release:t-1:work:1"))
                .withExtension(CloudEventMapping.TRACEPARENT, trace).build();

        consumer().onMessage(record(answer));

        assertThat(gateway.sent).singleElement().satisfies(command -> {
            TraceParent continued = TraceParent.parse(MetadataKeys.text(command.getMetaData(), MetadataKeys.TRACEPARENT))
                    .orElseThrow();
            assertThat(continued.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(continued.parentId()).isNotEqualTo("00f067aa0ba902b7");
        });
    }

    @Test
    void givenAnswerWithAMalformedTraceparent_whenConsumed_thenNothingOfItIsPassedOn() {
        sentRequests.rows.put("release:t-1:work:1", sent("release:t-1:work:1"));
        CloudEvent answer = CloudEventBuilder.v1(answer("ce-1", "release:t-1:work:1"))
                .withExtension(CloudEventMapping.TRACEPARENT, "00-forged\nline").build();

        consumer().onMessage(record(answer));

        assertThat(gateway.sent).singleElement().satisfies(command ->
                assertThat(command.getMetaData()).doesNotContainKey(MetadataKeys.TRACEPARENT));
    }

    @Test
    void givenSameAnswerDeliveredTwice_whenConsumed_thenOneCommand() {
        sentRequests.rows.put("release:t-1:work:1", sent("release:t-1:work:1"));
        var consumer = consumer();

        consumer.onMessage(record(answer("ce-1", "release:t-1:work:1")));
        consumer.onMessage(record(answer("ce-1", "release:t-1:work:1")));

        assertThat(gateway.sent).hasSize(1);
    }

    @Test
    void givenAnswerToAnotherRequester_whenConsumed_thenNoCommandButTheFollowedEventIsSeenOnce() {
        var consumer = consumer();
        consumer.onMessage(record(answer("ce-1", "access:g-1:provision:1")));
        consumer.onMessage(record(answer("ce-2", null)));
        consumer.onMessage(record(answer("ce-2", null)));

        assertThat(gateway.sent).isEmpty();
        assertThat(followedEvents).extracting(SampleWorkRecordedV1::requestId)
                .containsExactly("access:g-1:provision:1", null);
    }

    @Test
    void givenAnswerToOurRequestNotYetRecorded_whenConsumed_thenItIsRetriedLater() {
        assertThatThrownBy(() -> consumer().onMessage(record(answer("ce-1", "release:t-9:work:1"))))
                .isInstanceOf(IntegrationAnswerConsumer.AnswerBeforeRequest.class);
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void givenRequestFailed_whenConsumed_thenTheFailureHandlerGetsItsReason() {
        sentRequests.rows.put("release:t-1:work:1", sent("release:t-1:work:1"));
        RequestFailed failed = new RequestFailed("release:t-1:work:1", "dev.opsledger.automation.record-sample-work.v1",
                "t-1", "task.not-found", "no such task", Instant.parse("2026-01-01T00:00:00Z"));
        CloudEvent answer = CloudEventBuilder.v1().withId("ce-3").withSource(URI.create("/opsledger/automation"))
                .withType("dev.opsledger.automation.request-failed.v1").withData(json.writeValueAsBytes(failed)).build();

        consumer().onMessage(record(answer));

        assertThat(gateway.sent).singleElement().extracting(CommandMessage::getPayload)
                .isEqualTo("failed t-1: task.not-found");
    }

    @Test
    void givenAggregateRefusesTheAnswersCommand_whenConsumed_thenTheAnswerIsMarkedAndNotRetried() {
        sentRequests.rows.put("release:t-1:work:1", sent("release:t-1:work:1"));
        gateway.refuse = true;

        var consumer = consumer();
        consumer.onMessage(record(answer("ce-1", "release:t-1:work:1")));
        gateway.refuse = false;
        consumer.onMessage(record(answer("ce-1", "release:t-1:work:1")));

        assertThat(gateway.sent).isEmpty();
    }

    private IntegrationAnswerConsumer consumer() {
        List<AnswerHandler<?>> handlers = List.of(
                AnswerHandler.of(RecordSampleWorkV1.class, SampleWorkRecordedV1.class,
                        (answer, request) -> "recorded " + request.requesterId() + " total " + answer.total()),
                AnswerHandler.of(RecordSampleWorkV1.class, RequestFailed.class,
                        (answer, request) -> "failed " + request.requesterId() + ": " + answer.reason()));
        return new IntegrationAnswerConsumer(REQUESTER, "release-service", handlers, List.of(followed()),
                releaseMapping, sentRequests, inbox, gateway, new TransactionTemplate(new InboxTransactions()));
    }

    private final List<SampleWorkRecordedV1> followedEvents = new ArrayList<>();

    private ForeignEventHandler<SampleWorkRecordedV1> followed() {
        return ForeignEventHandler.of(SampleWorkRecordedV1.class, followedEvents::add);
    }

    private static SentRequest sent(String requestId) {
        return new SentRequest(requestId, "dev.opsledger.automation.record-sample-work.v1", "t-1");
    }

    private CloudEvent answer(String id, String requestId) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/opsledger/automation"))
                .withType("dev.opsledger.automation.sample-work-recorded.v1")
                .withExtension(CloudEventMapping.CORRELATION_ID, "corr-1")
                .withData(json.writeValueAsBytes(new SampleWorkRecordedV1("t-1", 2, 7, requestId))).build();
    }

    private ConsumerRecord<String, byte[]> record(CloudEvent cloudEvent) {
        return new ConsumerRecord<>("opsledger.automation.events", 0, 0, "t-1", automationMapping.serialize(cloudEvent));
    }

    private static final class FakeSentRequests extends SentRequests {
        final Map<String, SentRequest> rows = new HashMap<>();

        FakeSentRequests() {
            super(null);
        }

        @Override
        void record(SentRequest request, String cloudEventId) {
            rows.putIfAbsent(request.requestId(), request);
        }

        @Override
        public Optional<SentRequest> find(String requestId) {
            return Optional.ofNullable(rows.get(requestId));
        }
    }

    /** An inbox whose rows are kept only when the transaction commits, as in the database. */
    private static final class FakeInbox extends ProcessedMessages {
        final List<String> seen = new ArrayList<>();
        private final Set<String> committed = new HashSet<>();
        private final Set<String> pending = new HashSet<>();

        FakeInbox() {
            super(null);
        }

        @Override
        public boolean markProcessed(String source, String messageId, String messageType, String requestId) {
            seen.add(messageId);
            String key = source + "/" + messageId;
            return !committed.contains(key) && pending.add(key);
        }

        void commit() {
            committed.addAll(pending);
            pending.clear();
        }

        void rollback() {
            pending.clear();
        }
    }

    private static final class RecordingGateway implements CommandGateway {
        final List<CommandMessage<?>> sent = new ArrayList<>();
        boolean refuse;

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object command) {
            if (refuse) {
                throw BusinessRuleViolation.conflict("sample.wrong-state", "refused");
            }
            sent.add((CommandMessage<?>) command);
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            return () -> true;
        }
    }

        private final class InboxTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            inbox.commit();
        }

        @Override
        public void rollback(TransactionStatus status) {
            inbox.rollback();
        }
    }
}
