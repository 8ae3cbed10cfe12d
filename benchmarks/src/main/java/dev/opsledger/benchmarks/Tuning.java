package dev.opsledger.benchmarks;

import java.util.Map;

/**
 * The settings the tuning changed, at their values before it: {@code --before} starts the service
 * with these to measure the before and after in one run.
 */
final class Tuning {

    static final Map<String, String> BEFORE = Map.of(
            // Axon's default: one event per transaction and token update.
            "opsledger.axon.processor-batch-size", "1",
            // Kafka 4's producer default.
            "spring.kafka.producer.properties.linger.ms", "5");

    private Tuning() {
    }
}
