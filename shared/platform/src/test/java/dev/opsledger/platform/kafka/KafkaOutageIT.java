package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.testkit.AuditSigningKeys;
import dev.opsledger.testkit.EmbeddedKafkaBroker;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * DESIGN.md promises that a Kafka outage loses nothing: the event store does not need Kafka, and the
 * publisher, a tracking processor, retries from its stored token until the broker is back. Checked on a
 * broker of its own, because stopping the JVM-shared testkit broker would break the other tests.
 */
@WithPostgres
class KafkaOutageIT {

    private static final String EVENTS_TOPIC = OpsLedgerService.AUTOMATION.eventsTopic();
    private static final Duration ASYNC = Duration.ofSeconds(30);
    // Axon's tracking processor doubles its pause after each failed attempt (1 s, 2 s, 4 s, ... up to 60 s,
    // fixed in the framework, no property shortens it). Restarting the broker as soon as the first failure
    // is seen keeps the failures, and so the pause before the successful retry, to a few seconds.
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @Test
    void givenPublisherRunning_whenEventsStoredWhileKafkaIsDown_thenAllArriveInOrderOnceKafkaIsBack(
            PostgresDatabase database, @TempDir Path directory) {
        // The restarted broker must keep the topic and be found where the producer already looks.
        Path kafkaDirectory = directory.resolve("kafka");
        int port = freePort();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDirectory, port);
        try (ConfigurableApplicationContext context = start(database, broker)) {
            CommandGateway commandGateway = context.getBean(CommandGateway.class);
            String taskId = "task-" + UUID.randomUUID();
            commandGateway.sendAndWait(new OpenSampleTask(taskId, 100));
            commandGateway.sendAndWait(new RecordSampleWork(taskId, 1));
            // Without a first delivery a missing event later could also mean the bridge never worked at all.
            assertThat(awaitPublished(broker, taskId, storedWork(context, taskId), ASYNC))
                    .containsExactlyElementsOf(storedWork(context, taskId));

            broker.close();
            for (int amount = 2; amount <= 4; amount++) {
                commandGateway.sendAndWait(new RecordSampleWork(taskId, amount));
            }
            List<String> stored = storedWork(context, taskId);
            assertThat(stored).as("the outage events are stored although Kafka is down").hasSize(4);
            // Proves the publisher really tried and failed, so what follows is its retry from the token and not
            // merely a producer buffer that happened to outlive a short outage. Kafka's refusal surfaces either
            // from the ack or, while the producer waits for metadata, from send(); the publisher names both alike.
            Throwable error = awaitPublisherError(context);
            assertThat(error).hasRootCauseInstanceOf(KafkaException.class);
            assertThat(causalChain(error)).anyMatch(IntegrationEventPublisher.IntegrationEventNotPublished.class::isInstance);

            broker = EmbeddedKafkaBroker.start(kafkaDirectory, port);
            // Duplicates are allowed (consumers dedupe on the id); the first copy of each id counts.
            assertThat(awaitPublished(broker, taskId, stored, RECOVERY)).containsExactlyElementsOf(stored);
        } finally {
            broker.close();
        }
    }

    private static ConfigurableApplicationContext start(PostgresDatabase database, EmbeddedKafkaBroker broker) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .profiles("platform-sample")
                .properties(database.properties())
                .properties(broker.properties())
                // Not a @WithKafka context, so the testkit's checkpoint keys are added by hand.
                .properties(AuditSigningKeys.properties())
                // A failed send must reach the processor within seconds, not after the 30 s / 2 min defaults.
                .properties(
                        "opsledger.kafka.send-timeout=5s",
                        "spring.kafka.producer.properties[request.timeout.ms]=2000",
                        "spring.kafka.producer.properties[delivery.timeout.ms]=3000",
                        "spring.kafka.producer.properties[max.block.ms]=3000")
                .run();
    }

    /** Ids of the public events of the task, in the order of the aggregate's stream. */
    private static List<String> storedWork(ConfigurableApplicationContext context, String taskId) {
        return context.getBean(EventStore.class).readEvents(taskId).asStream()
                .filter(event -> event.getPayload() instanceof SampleWorkRecorded)
                .map(EventMessage::getIdentifier)
                .toList();
    }

    private static List<Throwable> causalChain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static Throwable awaitPublisherError(ConfigurableApplicationContext context) {
        TrackingEventProcessor publisher = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(IntegrationEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        return await().atMost(ASYNC).until(() -> publisher.processingStatus().values().stream()
                        .filter(EventTrackerStatus::isErrorState)
                        .map(EventTrackerStatus::getError)
                        .findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** CloudEvent ids keyed by the task, first copy of each in partition order, once all expected ids arrived. */
    private static SequencedSet<String> awaitPublished(EmbeddedKafkaBroker broker, String taskId,
                                                       List<String> expected, Duration timeout) {
        SequencedSet<String> firstSeen = new LinkedHashSet<>();
        JsonFormat format = new JsonFormat();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(EVENTS_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(timeout).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (taskId.equals(record.key())) {
                        firstSeen.add(format.deserialize(record.value()).getId());
                    }
                });
                return firstSeen.containsAll(expected);
            });
        }
        return firstSeen;
    }

    private static int freePort() {
        // The testkit's Ports is package-private; the same idea, for a broker that must keep its port.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
