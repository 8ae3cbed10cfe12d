package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.ScheduleSampleReminder;
import dev.opsledger.platform.sample.SampleWorkLog;
import dev.opsledger.testkit.WithPostgres;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Axon on the service's PostgreSQL: event store, aggregates, sagas, tokens and metadata, with nothing wired by the service. */
@SpringBootTest(classes = SampleApplication.class, properties = "opsledger.kafka.enabled=false")
@ActiveProfiles("platform-sample")
// Closed after the class, while PostgreSQL still runs: at JVM exit the testkit stops the database in
// parallel with Spring's shutdown hook, and JobRunr would wait 30 s for a connection to deregister.
// The context is never reused anyway: each @WithPostgres class has its own database.
@DirtiesContext
@WithPostgres
class AxonOnPostgresIT {

    private static final Duration ASYNC = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    SampleWorkLog workLog;
    @Autowired
    TokenStore tokenStore;

    @Test
    void givenPlatformOnTheClasspath_whenContextStarts_thenAxonRunsOnJdbcStoresSpringTransactionsJacksonAndJobRunr(
            @Autowired TransactionManager transactionManager, @Autowired SagaStore<?> sagaStore,
            @Autowired DeadlineManager deadlineManager, @Autowired Serializer serializer) {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
        assertThat(deadlineManager).isInstanceOf(JobRunrDeadlineManager.class);
        assertThat(serializer).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void givenWorkRecordedEarlier_whenMoreWorkThanTheLimitAllows_thenRejectedBecauseStateWasRebuiltFromPostgres() {
        String taskId = newTaskId();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 10));
        commandGateway.sendAndWait(new RecordSampleWork(taskId, 7));

        assertThatThrownBy(() -> commandGateway.sendAndWait(new RecordSampleWork(taskId, 5)))
                .isInstanceOf(BusinessRuleViolation.class);
        commandGateway.sendAndWait(new RecordSampleWork(taskId, 3));

        List<String> storedTypes = jdbc.sql("""
                        SELECT payload_type FROM domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(taskId).query(String.class).list();
        assertThat(storedTypes).filteredOn(type -> type.endsWith("SampleWorkRecorded")).hasSize(2);
        assertThat(storedTypes.getFirst()).endsWith("SampleTaskOpened");
        Long gaps = jdbc.sql("SELECT max(global_index) - min(global_index) + 1 - count(*) FROM domain_event_entry")
                .query(Long.class).single();
        assertThat(gaps).as("global index sequence leaves no holes").isZero();
    }

    @Test
    void givenTaskOpened_whenSagaAcknowledgesIt_thenTheServiceDidItWithinTheChainCausedByTheOpening() {
        String taskId = newTaskId();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 1));

        await().atMost(ASYNC).until(() -> events(taskId).size() == 2);
        List<? extends DomainEventMessage<?>> events = events(taskId);
        DomainEventMessage<?> opened = events.get(0);
        DomainEventMessage<?> acknowledged = events.get(1);

        assertThat(opened.getMetaData()).containsEntry(MetadataKeys.ACTOR_ID, "system")
                .containsKey(MetadataKeys.CORRELATION_ID).containsKey(MetadataKeys.CAUSATION_ID);
        assertThat(acknowledged.getPayloadType().getSimpleName()).isEqualTo("SampleTaskAcknowledged");
        // The saga acknowledged on its own: the service is the actor, and the cause is the opening,
        // not the saga's command, which the audit trail never shows.
        assertThat(acknowledged.getMetaData())
                .containsEntry(MetadataKeys.ACTOR_ID, "system:sample-service")
                .containsEntry(MetadataKeys.ACTOR_NAME, "sample-service")
                .containsEntry(MetadataKeys.CORRELATION_ID, opened.getMetaData().get(MetadataKeys.CORRELATION_ID))
                .containsEntry(MetadataKeys.CAUSATION_ID, opened.getIdentifier());
        assertThat(jdbc.sql("SELECT count(*) FROM saga_entry").query(Long.class).single())
                .as("the saga ended and was removed from the JDBC saga store").isZero();
    }

    @Test
    void givenReminderScheduledByACommand_whenTheDeadlineFires_thenTheServiceActsInTheChainCausedByThatCommand() {
        String taskId = newTaskId();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 1));
        commandGateway.sendAndWait(new ScheduleSampleReminder(taskId, Duration.ofSeconds(1)));

        // The sample saga also acknowledges every opened task: four events, in no fixed order.
        await().atMost(ASYNC).until(() -> events(taskId).size() == 4);
        DomainEventMessage<?> scheduled = eventOfType(taskId, "SampleReminderScheduled");
        DomainEventMessage<?> fired = eventOfType(taskId, "SampleReminderFired");

        // The deadline, not whoever set it, acted; and it points to the command that set it, as
        // the event that command applied does, instead of to the deadline no one can look up.
        assertThat(fired.getMetaData())
                .containsEntry(MetadataKeys.ACTOR_ID, "system:sample-service")
                .containsEntry(MetadataKeys.CORRELATION_ID, scheduled.getMetaData().get(MetadataKeys.CORRELATION_ID))
                .containsEntry(MetadataKeys.CAUSATION_ID, scheduled.getMetaData().get(MetadataKeys.CAUSATION_ID));
    }

    @Test
    void givenProcessedEvents_whenTokensAreReset_thenTheReplayTokenIsStoredReadBackAndTheReadModelRebuilt() {
        String taskId = newTaskId();
        commandGateway.sendAndWait(new OpenSampleTask(taskId, 10));
        commandGateway.sendAndWait(new RecordSampleWork(taskId, 4));
        await().atMost(ASYNC).until(() -> workLog.entries().stream().anyMatch(e -> e.taskId().equals(taskId)));

        TrackingEventProcessor processor = eventProcessing
                .eventProcessor(SampleWorkLog.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        // Read back through Jackson 3: without the platform's type validator this throws.
        assertThat(tokenStore.fetchToken(SampleWorkLog.PROCESSING_GROUP, 0)).isInstanceOf(ReplayToken.class);
        processor.start();

        await().atMost(ASYNC).until(() -> !processor.isReplaying()
                && workLog.entries().stream().anyMatch(e -> e.taskId().equals(taskId)));
        assertThat(processor.isError()).isFalse();
    }

    private DomainEventMessage<?> eventOfType(String taskId, String type) {
        return events(taskId).stream().filter(e -> e.getPayloadType().getSimpleName().equals(type)).findFirst()
                .orElseThrow();
    }

    private List<? extends DomainEventMessage<?>> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().toList();
    }

    private static String newTaskId() {
        return "task-" + UUID.randomUUID();
    }
}
