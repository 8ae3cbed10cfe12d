package dev.opsledger.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from its beginning, as a test counts what reached it: a test that wants "every
 * answer that will ever come" stores a marker after them and reads until the marker, since a publisher
 * sends in store order. Assigned partitions and no committed offsets, so nothing else's group moves.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record of {@code topic} up to its end offsets at the time of the call. */
    public static List<ConsumerRecord<String, byte[]>> readAll(KafkaBroker kafka, String topic, Duration atMost) {
        return readUntil(kafka, topic, null, atMost);
    }

    /**
     * Every record of {@code topic}: until one keyed {@code key} has appeared (when not {@code null}), then
     * to the end offsets of that moment. Fails when either takes longer than {@code atMost}.
     */
    public static List<ConsumerRecord<String, byte[]>> readUntil(KafkaBroker kafka, String topic, String key,
                                                                Duration atMost) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + atMost.toNanos();
            while (key != null && records.stream().noneMatch(r -> key.equals(r.key()))) {
                failAfter(deadline, "no record keyed " + key + " on " + topic + " within " + atMost);
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                failAfter(deadline, topic + " not read to its end offsets " + end + " within " + atMost);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static void failAfter(long deadline, String message) {
        if (System.nanoTime() - deadline > 0) {
            throw new AssertionError(message);
        }
    }
}
