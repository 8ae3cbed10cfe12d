package dev.opsledger.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How a client outside OpsLedger (another team's consumer, an end-to-end test) reads the devstack's events:
 * as the read-only {@code reader} principal, whose login {@code ./opsledger up} writes to
 * {@code <stack home>/kafka-reader.properties} (also named in {@code state.json} as {@code kafkaReaderConfig}).
 * Its consumer group must start with {@code reader-}; it can read the events topics and nothing else.
 */
public final class KafkaReaderConfig {

    static final String FILE_NAME = "kafka-reader.properties";

    private KafkaReaderConfig() {
    }

    /**
     * The Kafka client properties ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config}) of the stack whose home is {@code stackHome}; add deserializers and a
     * {@code group.id} starting with {@code reader-}.
     */
    public static Properties load(Path stackHome) {
        Path file = stackHome.resolve(FILE_NAME);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no reader login at " + file + ": is the stack up (./opsledger up)?", e);
        }
        return properties;
    }
}
