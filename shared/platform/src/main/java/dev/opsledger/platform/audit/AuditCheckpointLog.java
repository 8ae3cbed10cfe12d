package dev.opsledger.platform.audit;

import dev.opsledger.contracts.Topics;
import dev.opsledger.contracts.audit.AuditCheckpoint;
import dev.opsledger.contracts.audit.ChainVerification.Anchor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's view of {@value Topics#AUDIT_CHECKPOINTS}: it appends its own checkpoints and
 * keeps in memory the newest authentic one, read back from the topic (ADR 060). Memory, not a
 * table: a copy in the service's database would sit beside the rows it is meant to vouch for, where
 * whoever edits one can edit the other.
 *
 * <p>On first use it reads each partition backwards, {@code readBack} records at a time, until it
 * finds an authentic checkpoint of this service (or reaches the start); afterwards each
 * {@link #anchor()} reads only what was appended since. A record keyed by this service that is not
 * an authentic checkpoint (bad signature, unknown key, unreadable) is counted and never used.
 * The one consumer is not thread-safe: every read holds this object's lock.
 */
public class AuditCheckpointLog implements AuditCheckpointSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointLog.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Comparator<AuditCheckpoint> NEWEST = Comparator
            .comparingLong(AuditCheckpoint::headGlobalIndex).thenComparing(AuditCheckpoint::time);

    private final String service;
    private final String topic;
    private final AuditCheckpointKeys keys;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final KafkaTemplate<String, byte[]> producer;
    private final JsonMapper json;
    private final int readBack;
    private final Duration timeout;

    private Consumer<String, byte[]> consumer;
    private AuditCheckpoint newest;
    private long rejected;

    public AuditCheckpointLog(String service, String topic, AuditCheckpointKeys keys, Supplier<Consumer<String, byte[]>> consumers,
            KafkaTemplate<String, byte[]> producer, JsonMapper json, int readBack, Duration timeout) {
        this.service = service;
        this.topic = topic;
        this.keys = keys;
        this.consumers = consumers;
        this.producer = producer;
        this.json = json;
        this.readBack = readBack;
        this.timeout = timeout;
    }

    /** Reads what was appended since the last call (the first call reads back), then answers. */
    @Override
    public synchronized Anchor anchor() {
        if (consumer == null) {
            Consumer<String, byte[]> fresh = consumers.get();
            try {
                readBack(fresh);
            } catch (RuntimeException e) {
                fresh.close();
                throw e;
            }
            consumer = fresh;
        } else {
            readToEnd(consumer);
        }
        return new Anchor(newest, rejected);
    }

    /** Appends a signed checkpoint; returns once Kafka acknowledged it. */
    public void append(AuditCheckpoint checkpoint) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, service,
                json.writeValueAsBytes(checkpoint));
        try {
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing an audit checkpoint", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the audit checkpoint of " + service, e);
        }
    }

    private void readBack(Consumer<String, byte[]> fresh) {
        List<TopicPartition> partitions = fresh.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        Map<TopicPartition, Long> ends = fresh.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> begins = fresh.beginningOffsets(partitions, timeout);
        for (TopicPartition partition : partitions) {
            long to = ends.get(partition);
            long begin = begins.get(partition);
            AuditCheckpoint found = null;
            while (found == null && to > begin) {
                long from = Math.max(begin, to - readBack);
                found = newestAuthentic(read(fresh, partition, from, to));
                to = from;
            }
            remember(found);
        }
        fresh.assign(partitions);
        ends.forEach(fresh::seek);
    }

    private void readToEnd(Consumer<String, byte[]> open) {
        Map<TopicPartition, Long> ends = open.endOffsets(open.assignment(), timeout);
        List<AuditCheckpoint> read = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (ends.entrySet().stream().anyMatch(end -> open.position(end.getKey(), timeout) < end.getValue())) {
            failAfter(deadline);
            open.poll(POLL).forEach(record -> accept(record, read));
        }
        remember(newestAuthentic(read));
    }

    /** The records of {@code partition} in {@code [from, to)} that name this service. */
    private List<AuditCheckpoint> read(Consumer<String, byte[]> fresh, TopicPartition partition, long from, long to) {
        fresh.assign(List.of(partition));
        fresh.seek(partition, from);
        List<AuditCheckpoint> read = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (fresh.position(partition, timeout) < to) {
            failAfter(deadline);
            for (ConsumerRecord<String, byte[]> record : fresh.poll(POLL)) {
                if (record.offset() < to) {
                    accept(record, read);
                }
            }
        }
        return read;
    }

    private void accept(ConsumerRecord<String, byte[]> record, List<AuditCheckpoint> authentic) {
        if (!service.equals(record.key())) {
            return;
        }
        AuditCheckpoint checkpoint = parse(record);
        if (checkpoint != null && service.equals(checkpoint.service()) && keys.isAuthentic(checkpoint)) {
            authentic.add(checkpoint);
        } else {
            rejected++;
            log.warn("Refused the record {}-{}@{} claiming to be {}'s audit checkpoint: not signed by a "
                    + "verification key", record.topic(), record.partition(), record.offset(), service);
        }
    }

    private AuditCheckpoint parse(ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? null : json.readValue(record.value(), AuditCheckpoint.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static AuditCheckpoint newestAuthentic(List<AuditCheckpoint> checkpoints) {
        return checkpoints.stream().max(NEWEST).orElse(null);
    }

    private void remember(AuditCheckpoint checkpoint) {
        if (checkpoint != null && (newest == null || NEWEST.compare(checkpoint, newest) > 0)) {
            newest = checkpoint;
        }
    }

    private void failAfter(Instant deadline) {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("reading " + topic + " took longer than " + timeout);
        }
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    /** The newest authentic checkpoint read so far, without reading; for logs and tests. */
    synchronized AuditCheckpoint newestKnown() {
        return newest;
    }
}
