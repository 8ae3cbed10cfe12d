package dev.opsledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.devstack.KafkaReaderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The devstack's broker as other teams meet it (ADR 063): the services published their events with their
 * own logins (the demo data went in through the gateway), the read-only {@code reader} login named in
 * {@code state.json} reads them in a {@code reader-*} group, and neither it nor a client without a login can
 * write a request.
 */
class KafkaSecurityE2EIT {

    @Test
    void givenRunningStack_whenReaderSubscribes_thenItReadsTheServicesEvents_andCannotWriteNorCanAnyoneWithoutALogin()
            throws Exception {
        RunningStack.get();
        String stateFile = JsonMapper.builder().build().readTree(Files.readString(RunningStack.HOME.resolve("state.json")))
                .path("kafkaReaderConfig").asString();
        assertThat(Path.of(stateFile)).as("state.json names the reader's login").isRegularFile();
        Properties reader = KafkaReaderConfig.load(RunningStack.HOME);
        assertThat(reader.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");

        List<ConsumerRecord<String, byte[]>> events = new ArrayList<>();
        Properties consumerConfig = new Properties();
        consumerConfig.putAll(reader);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-e2e-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(OpsLedgerService.RELEASE.eventsTopic(), OpsLedgerService.BACKUP.eventsTopic()));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (events.stream().noneMatch(r -> r.topic().equals(OpsLedgerService.RELEASE.eventsTopic()))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(events::add);
            }
        }
        ConsumerRecord<String, byte[]> releaseEvent = events.stream()
                .filter(r -> r.topic().equals(OpsLedgerService.RELEASE.eventsTopic())).findFirst()
                .orElseThrow(() -> new AssertionError("the reader saw no release event within 2 min"));
        assertThat(JsonMapper.builder().build().readTree(releaseEvent.value()).path("source").asString())
                .as("a CloudEvent release-service published with its own login").isEqualTo(OpsLedgerService.RELEASE.source());

        Map<String, Object> readerProducer = new HashMap<>();
        reader.forEach((key, value) -> readerProducer.put(key.toString(), value));
        assertThatThrownBy(() -> send(readerProducer, OpsLedgerService.AUTOMATION.requestsTopic()))
                .as("reader writing a request").hasCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> send(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        reader.getProperty("bootstrap.servers")), OpsLedgerService.AUTOMATION.requestsTopic()))
                .as("no login at all").isInstanceOf(Exception.class);
    }

    private static void send(Map<String, Object> login, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "forged", "{}")).get(30, TimeUnit.SECONDS);
        }
    }
}
