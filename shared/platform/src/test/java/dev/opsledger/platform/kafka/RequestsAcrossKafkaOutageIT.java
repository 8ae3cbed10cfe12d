package dev.opsledger.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import dev.opsledger.testkit.TopicReader;
import dev.opsledger.testkit.AuditSigningKeys;
import dev.opsledger.testkit.EmbeddedKafkaBroker;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link KafkaOutageIT} for requests and answers between services: a requester sends requests to the
 * sample service (it plays automation-service) while the broker is stopped for {@value #OUTAGE_SECONDS} s
 * and started again, and the test counts, per request id, the effects in the event store and the answers
 * on the events topic. The property is DESIGN.md's: the request id is the idempotency key, so an outage
 * may make Kafka deliver a request twice, or the requester send it again, yet every request has one
 * effect and one answer.
 *
 * <p>The requester is played at the Kafka boundary, as a service built on the platform sends: one
 * CloudEvent per request, sent again unchanged until Kafka acknowledges it (the platform's sender is a
 * tracking processor that retries from its token). A third of the requests go out in a burst; the broker
 * stops while the service handles the burst's last one (held in its handler until then), so that request's
 * effect is stored while Kafka is away, its answer published once it is back, and its offset commit gives
 * up (the test shortens the consumer's API timeout), so Kafka delivers it again and the inbox must skip
 * it. The rest are sent into the outage, {@value #BETWEEN_REQUESTS_MILLIS} ms apart, and retried until
 * the broker is back.
 *
 * <p>Answers are counted by distinct CloudEvent id: the publisher may put a second copy of an answer
 * on the topic when the broker stored it but the ack was lost (consumers dedupe on the id, DESIGN.md);
 * copies are printed, a second answer (another id) for one request fails the test.
 */
@WithPostgres
class RequestsAcrossKafkaOutageIT {

    private static final OpsLedgerService SERVICE = OpsLedgerService.AUTOMATION;
    private static final String REQUEST_GROUP = "opsledger-" + SERVICE.id() + "-requests";
    private static final int REQUESTS = 30;
    private static final long BETWEEN_REQUESTS_MILLIS = 200;
    private static final Duration BETWEEN_REQUESTS = Duration.ofMillis(BETWEEN_REQUESTS_MILLIS);
    private static final long OUTAGE_SECONDS = 10;
    // The service's tracking processors back off up to a minute after repeated failures (see KafkaOutageIT).
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFormat FORMAT = new JsonFormat();

    @Test
    void givenRequestsUnderLoad_whenKafkaStopsForTenSecondsAndComesBack_thenEachRequestHasOneEffectAndOneAnswer(
            PostgresDatabase database, @TempDir Path directory) throws Exception {
        Path kafkaDirectory = directory.resolve("kafka");
        int port = freePort();
        Deliveries.BY_RECORD.clear();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDirectory, port);
        ExecutorService requesterThread = Executors.newSingleThreadExecutor();
        try (ConfigurableApplicationContext context = start(database, broker)) {
            CommandGateway commandGateway = context.getBean(CommandGateway.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Map<String, String> requestIdByTask = new LinkedHashMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                String taskId = "task-" + UUID.randomUUID();
                commandGateway.sendAndWait(new OpenSampleTask(taskId, 100));
                requestIdByTask.put(taskId, "req-" + UUID.randomUUID());
            }

            String heldTask = List.copyOf(requestIdByTask.keySet()).get(REQUESTS / 3 - 1);
            HeldRequest held = new HeldRequest(heldTask);
            context.getBean(CommandBus.class).registerHandlerInterceptor(held);

            Requester requester = new Requester(broker.bootstrapServers(), requestIdByTask);
            Future<?> sending = requesterThread.submit(requester::sendAll);
            assertThat(requester.firstThirdSent.await(RECOVERY.toSeconds(), TimeUnit.SECONDS))
                    .as("the first third of the requests acknowledged before the outage").isTrue();
            assertThat(held.reached.await(RECOVERY.toSeconds(), TimeUnit.SECONDS))
                    .as("the last request of the burst reached its handler").isTrue();
            broker.close();
            long handledBeforeTheStop = handled(effectsByTask(jdbc), requestIdByTask);
            held.release.countDown();
            requester.brokerStopped.countDown();
            Thread.sleep(Duration.ofSeconds(OUTAGE_SECONDS));
            long handledWhileDown = handled(effectsByTask(jdbc), requestIdByTask) - handledBeforeTheStop;
            boolean publisherRefused = publisherInError(context);
            broker = EmbeddedKafkaBroker.start(kafkaDirectory, port);
            sending.get(RECOVERY.toSeconds(), TimeUnit.SECONDS);

            // Every copy of every request on the topic is consumed (handled or skipped as seen) once the
            // group has committed to the end: nothing more will be handled after this.
            awaitConsumedToTheEnd(broker);
            Map<String, Long> effects = effectsByTask(jdbc);
            Answers answers = answersOnTheTopic(broker, commandGateway);

            long handled = handled(effects, requestIdByTask);
            long answered = requestIdByTask.values().stream().filter(answers.idsByRequestId::containsKey).count();
            long answerEvents = requestIdByTask.values().stream()
                    .mapToLong(id -> answers.idsByRequestId.getOrDefault(id, Set.of()).size()).sum();
            long duplicatedEffects = requestIdByTask.keySet().stream()
                    .mapToLong(id -> Math.max(0, effects.getOrDefault(id, 0L) - 1)).sum();
            long duplicatedAnswers = requestIdByTask.values().stream()
                    .mapToLong(id -> Math.max(0, answers.idsByRequestId.getOrDefault(id, Set.of()).size() - 1)).sum();
            System.out.printf("RequestsAcrossKafkaOutageIT: %d requests sent (%d send attempts failed during the %d s "
                            + "outage and were retried; %d copies on the requests topic), %d delivered again by Kafka, "
                            + "%d handled (%d before the stop, %d while the broker was down), %d answered with %d answers "
                            + "(%d copies on the events topic; publisher refused by the stopped broker: %s), "
                            + "duplicated: %d effects, %d answers%n",
                    REQUESTS, requester.failedAttempts.get(), OUTAGE_SECONDS, requestCopies(broker),
                    Deliveries.redelivered(SERVICE.requestsTopic()), handled, handledBeforeTheStop, handledWhileDown,
                    answered, answerEvents, answers.copies, publisherRefused, duplicatedEffects, duplicatedAnswers);

            // The outage hit every path: the requester's sends, the consumer mid-request and its commit, the answer.
            assertThat(requester.failedAttempts.get()).as("sends refused while the broker was down").isPositive();
            assertThat(handledWhileDown).as("requests handled while the broker was down").isPositive();
            assertThat(Deliveries.redelivered(SERVICE.requestsTopic()))
                    .as("requests Kafka delivered again after a commit the outage refused").isPositive();
            assertThat(publisherRefused).as("the publisher refused while an answer was due").isTrue();
            assertThat(requestIdByTask.keySet()).allSatisfy(taskId ->
                    assertThat(effects.getOrDefault(taskId, 0L)).as("work recorded for " + taskId).isEqualTo(1));
            assertThat(requestIdByTask.values()).allSatisfy(requestId ->
                    assertThat(answers.idsByRequestId.getOrDefault(requestId, Set.of()))
                            .as("answers to " + requestId).hasSize(1));
        } finally {
            requesterThread.shutdownNow();
            broker.close();
        }
    }

    /**
     * Holds the command of the burst's last request in its handler until the broker is stopped, so the
     * request is handled while Kafka is away and its offset can't be committed at once: the outage that
     * makes Kafka deliver a handled request again. Only the first delivery is held.
     */
    private static final class HeldRequest implements MessageHandlerInterceptor<CommandMessage<?>> {

        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String taskId;

        HeldRequest(String taskId) {
            this.taskId = taskId;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (unitOfWork.getMessage().getPayload() instanceof RecordSampleWork work
                    && work.taskId().equals(taskId) && reached.getCount() > 0) {
                reached.countDown();
                release.await();
            }
            return chain.proceed();
        }
    }

    /**
     * Sends one request per task, a third of them before the broker stops and the rest into the outage.
     * Each request is one CloudEvent built once, so a retry is the same message Kafka may already hold.
     */
    private static final class Requester {

        final CountDownLatch firstThirdSent = new CountDownLatch(1);
        final CountDownLatch brokerStopped = new CountDownLatch(1);
        final AtomicInteger failedAttempts = new AtomicInteger();
        private final String bootstrapServers;
        private final Map<String, String> requestIdByTask;

        Requester(String bootstrapServers, Map<String, String> requestIdByTask) {
            this.bootstrapServers = bootstrapServers;
            this.requestIdByTask = requestIdByTask;
        }

        void sendAll() {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    // A refused send must come back within seconds, so the requester retries during the outage.
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000),
                    new StringSerializer(), new ByteArraySerializer())) {
                int sent = 0;
                for (Map.Entry<String, String> entry : requestIdByTask.entrySet()) {
                    byte[] request = request(new RecordSampleWorkV1(entry.getValue(), entry.getKey(), 1));
                    sendUntilAcknowledged(producer, new ProducerRecord<>(SERVICE.requestsTopic(), entry.getKey(), request));
                    if (++sent == REQUESTS / 3) {
                        firstThirdSent.countDown();
                        brokerStopped.await();
                    }
                    if (sent > REQUESTS / 3) {
                        Thread.sleep(BETWEEN_REQUESTS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("requester interrupted", e);
            }
        }

        private void sendUntilAcknowledged(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record)
                throws InterruptedException {
            while (true) {
                try {
                    producer.send(record).get();
                    return;
                } catch (ExecutionException | KafkaException e) {
                    // The ack timed out, or send() itself gave up waiting for the broker's metadata.
                    failedAttempts.incrementAndGet();
                    Thread.sleep(BETWEEN_REQUESTS);
                }
            }
        }
    }

    private static ConfigurableApplicationContext start(PostgresDatabase database, EmbeddedKafkaBroker broker) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .profiles("platform-sample")
                .properties(database.properties())
                .properties(broker.properties())
                .properties(AuditSigningKeys.properties())
                // As in KafkaOutageIT: a refused send reaches the publisher within seconds.
                .properties(
                        "opsledger.kafka.send-timeout=5s",
                        "opsledger.kafka.retry-backoff=200ms",
                        // The request consumer's offset commit gives up after this (60 s by default): a 10 s
                        // outage then does what a longer one would, and Kafka delivers a handled request again.
                        "spring.kafka.consumer.properties[default.api.timeout.ms]=4000",
                        "spring.kafka.consumer.properties[interceptor.classes]=" + Deliveries.class.getName(),
                        "spring.kafka.producer.properties[request.timeout.ms]=2000",
                        "spring.kafka.producer.properties[delivery.timeout.ms]=3000",
                        "spring.kafka.producer.properties[max.block.ms]=3000")
                .run();
    }

    /** Counts the records the service's consumers received, by topic, partition and offset. */
    public static final class Deliveries implements ConsumerInterceptor<Object, Object> {

        static final Map<String, Integer> BY_RECORD = new ConcurrentHashMap<>();

        /** Records of the topic received more than once. */
        static long redelivered(String topic) {
            return BY_RECORD.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(topic + "/")).mapToLong(e -> e.getValue() - 1).sum();
        }

        @Override
        public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
            records.forEach(r -> BY_RECORD.merge(r.topic() + "/" + r.partition() + "/" + r.offset(), 1, Integer::sum));
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    /** Waits until the service's request consumer group committed past every record of the requests topic. */
    private static void awaitConsumedToTheEnd(EmbeddedKafkaBroker broker) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(SERVICE.requestsTopic())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(SERVICE.requestsTopic()).partitions()
                    .forEach(p -> latest.put(new TopicPartition(SERVICE.requestsTopic(), p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> end.put(p, info.offset()));
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(REQUEST_GROUP)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return end.entrySet().stream().allMatch(e -> Optional.ofNullable(committed.get(e.getKey()))
                        .map(OffsetAndMetadata::offset).orElse(0L) >= e.getValue());
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the request consumer group's progress", e);
        }
    }

    /** Work recorded per task, counted in the event store. */
    private static Map<String, Long> effectsByTask(JdbcClient jdbc) {
        Map<String, Long> effects = new HashMap<>();
        jdbc.sql("SELECT aggregate_identifier, count(*) FROM domain_event_entry WHERE payload_type = ? GROUP BY 1")
                .param(SampleWorkRecorded.class.getName())
                .query((row, n) -> effects.put(row.getString(1), row.getLong(2))).list();
        return effects;
    }

    /** Whether the publisher is retrying a send Kafka refused: only when an answer was due during the outage. */
    private static boolean publisherInError(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(IntegrationEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow().processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    private static long handled(Map<String, Long> effects, Map<String, String> requestIdByTask) {
        return requestIdByTask.keySet().stream().mapToLong(id -> effects.getOrDefault(id, 0L)).sum();
    }

    /** Answer CloudEvent ids per request id, and how many records on the topic repeated an id already seen. */
    private record Answers(Map<String, Set<String>> idsByRequestId, long copies) {
    }

    /**
     * Reads the events topic from the beginning. The publisher sends in store order and waits for each
     * ack, so once a marker stored after every effect is on the topic, every answer that will ever come
     * is there too.
     */
    private static Answers answersOnTheTopic(EmbeddedKafkaBroker broker, CommandGateway commandGateway) {
        String marker = "marker-" + UUID.randomUUID();
        commandGateway.sendAndWait(new OpenSampleTask(marker, 1));
        commandGateway.sendAndWait(new RecordSampleWork(marker, 1));
        List<ConsumerRecord<String, byte[]>> records = readUntil(broker, SERVICE.eventsTopic(), marker);
        Map<String, Set<String>> idsByRequestId = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long copies = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = FORMAT.deserialize(record.value());
            if (!seen.add(event.getId())) {
                copies++;
            }
            String requestId = event.getData() == null ? null
                    : JSON.readTree(event.getData().toBytes()).path("requestId").asString(null);
            if (requestId != null) {
                idsByRequestId.computeIfAbsent(requestId, id -> new HashSet<>()).add(event.getId());
            }
        }
        return new Answers(idsByRequestId, copies);
    }

    /** Records on the requests topic beyond one per CloudEvent id: the requester's resends that Kafka kept. */
    private static long requestCopies(EmbeddedKafkaBroker broker) {
        List<ConsumerRecord<String, byte[]>> records = readUntil(broker, SERVICE.requestsTopic(), null);
        return records.size() - records.stream().map(r -> FORMAT.deserialize(r.value()).getId()).distinct().count();
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(EmbeddedKafkaBroker broker, String topic, String key) {
        return TopicReader.readUntil(broker, topic, key, RECOVERY);
    }

    private static byte[] request(RecordSampleWorkV1 data) {
        return FORMAT.serialize(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/opsledger/release"))
                .withType(MessageTypes.typeOf(RecordSampleWorkV1.class))
                .withSubject(data.subject())
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build());
    }

    private static int freePort() {
        // As in KafkaOutageIT: the restarted broker must be found where the clients already look.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
