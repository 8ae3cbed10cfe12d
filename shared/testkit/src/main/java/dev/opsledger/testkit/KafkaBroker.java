package dev.opsledger.testkit;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** A running Kafka broker, in-process or in a container. Tests get one per JVM from {@link TestInfrastructure#kafka()}. */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Creates the topics with the broker's default partition count; topics that already exist are left alone. */
    default void createTopics(String... names) {
        KafkaTopics.create(adminProperties(), 1, names);
    }

    /** Creates the topic with {@code partitions} partitions unless it exists. */
    default void createTopic(String name, int partitions) {
        KafkaTopics.create(adminProperties(), partitions, name);
    }

    /**
     * Client settings of a client allowed everything: on a plain broker just its address; on a secured one
     * the super user's listener and login.
     */
    default Map<String, Object> adminProperties() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** An admin client of {@link #adminProperties()}; the caller closes it. */
    default Admin admin() {
        return KafkaTopics.admin(adminProperties());
    }

    /** The Spring Boot property that points Spring Kafka at this broker. */
    default Map<String, Object> properties() {
        return Map.of("spring.kafka.bootstrap-servers", bootstrapServers());
    }

    /** Stops the broker. Idempotent; also done at JVM exit. */
    @Override
    void close();
}
