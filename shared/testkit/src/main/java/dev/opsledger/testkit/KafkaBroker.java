package dev.opsledger.testkit;

import java.util.Map;

/** A running Kafka broker, in-process or in a container. Tests get one per JVM from {@link TestInfrastructure#kafka()}. */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Creates the topics with the broker's default partition count; topics that already exist are left alone. */
    default void createTopics(String... names) {
        KafkaTopics.create(bootstrapServers(), 1, names);
    }

    /** Creates the topic with {@code partitions} partitions unless it exists. */
    default void createTopic(String name, int partitions) {
        KafkaTopics.create(bootstrapServers(), partitions, name);
    }

    /** The Spring Boot property that points Spring Kafka at this broker. */
    default Map<String, Object> properties() {
        return Map.of("spring.kafka.bootstrap-servers", bootstrapServers());
    }

    /** Stops the broker. Idempotent; also done at JVM exit. */
    @Override
    void close();
}
