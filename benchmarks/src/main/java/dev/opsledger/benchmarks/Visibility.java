package dev.opsledger.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * P3: one release created at a time (the service otherwise idle, so the figures are the tracking
 * processors' own delay, not queueing). Read model: from the 201 answer until the row is in
 * {@code release_view}, polled every half millisecond on its own connection. Kafka: from the
 * event's own timestamp (set when the aggregate applied it, just before the commit, so the figure
 * slightly over-states) until this JVM's consumer holds the CloudEvent with that event id.
 */
final class Visibility {

    private static final String TOPIC = "opsledger.release.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceRig rig;
    private final int samples;
    private final Duration pause;

    Visibility(ServiceRig rig, int samples, Duration pause) {
        this.rig = rig;
        this.samples = samples;
        this.pause = pause;
    }

    /**
     * {@code toProducer}: event stored → the publisher's send (the record's CreateTime, set by the
     * producer, in ms); {@code toConsumer}: that send → received here. Together they split the Kafka figure.
     */
    record Outcome(Latencies readModel, Latencies kafka, Latencies toProducer, Latencies toConsumer, int lost,
                   Latencies command) {
    }

    Outcome measure(String label, int warmUp) throws Exception {
        String application = rig.registerApplication("p3-" + label + "-" + UUID.randomUUID().toString().substring(0, 8));
        String token = rig.token("dev1", "developer");
        Map<String, Instant> onKafka = new ConcurrentHashMap<>();
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        Latencies toProducer = new Latencies();
        Latencies toConsumer = new Latencies();
        Latencies readModel = new Latencies();
        Latencies kafka = new Latencies();
        Latencies command = new Latencies();
        int lost = 0;
        try (KafkaConsumer<String, String> consumer = consumer(); Connection connection = rig.connect();
             PreparedStatement visible = connection.prepareStatement("SELECT 1 FROM release_view WHERE release_id = ?")) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            // Stopped by the flag, not by interrupting: an interrupted poll() throws.
            Thread poller = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        Instant received = Instant.now();
                        JsonNode event = JSON.readTree(record.value());
                        sentAt.put(event.get("id").asString(), Instant.ofEpochMilli(record.timestamp()));
                        onKafka.put(event.get("id").asString(), received);
                    }
                }
            });
            try {
                for (int i = 0; i < warmUp + samples; i++) {
                    long posted = System.nanoTime();
                    HttpResponse<String> response = rig.http.send(HttpLoad.request(rig.url("/releases"), token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"applicationId":"%s","version":"1.%d.0","commitSha":"9fceb02","artifactReference":"registry.example.org/bench:1.%d.0"}"""
                                    .formatted(application, i, i)))
                            .build());
                    long accepted = System.nanoTime();
                    String releaseId = ServiceRig.idFromLocation(response);
                    visible.setString(1, releaseId);
                    long deadline = accepted + TimeUnit.SECONDS.toNanos(10);
                    long seen = -1;
                    while (System.nanoTime() < deadline) {
                        try (ResultSet rows = visible.executeQuery()) {
                            if (rows.next()) {
                                seen = System.nanoTime();
                                break;
                            }
                        }
                        Thread.sleep(0, 500_000);
                    }
                    if (i >= warmUp) {
                        command.add(accepted - posted);
                        if (seen < 0) {
                            lost++;
                        } else {
                            readModel.add(seen - accepted);
                        }
                        Event stored = storedEvent(connection, releaseId);
                        Instant deadlineKafka = Instant.now().plusSeconds(10);
                        while (!onKafka.containsKey(stored.id()) && Instant.now().isBefore(deadlineKafka)) {
                            Thread.sleep(1);
                        }
                        Instant received = onKafka.get(stored.id());
                        if (received == null) {
                            lost++;
                        } else {
                            kafka.add(Duration.between(stored.time(), received).toNanos());
                            Instant sent = sentAt.get(stored.id());
                            toProducer.add(Math.max(0, Duration.between(stored.time(), sent).toNanos()));
                            toConsumer.add(Math.max(0, Duration.between(sent, received).toNanos()));
                        }
                    }
                    Thread.sleep(pause.toMillis());
                }
            } finally {
                running.set(false);
                poller.join(5_000);
            }
        }
        return new Outcome(readModel, kafka, toProducer, toConsumer, lost, command);
    }

    record Event(String id, Instant time) {
    }

    private static Event storedEvent(Connection connection, String aggregateId) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT event_identifier, time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number LIMIT 1")) {
            query.setString(1, aggregateId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Event(rows.getString(1), Instant.parse(rows.getString(2)));
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.kafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config);
    }
}
