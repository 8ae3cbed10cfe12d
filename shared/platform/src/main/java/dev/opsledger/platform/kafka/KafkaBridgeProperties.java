package dev.opsledger.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kafka bridge, under {@code opsledger.kafka}. Connection settings stay
 * Spring's ({@code spring.kafka.bootstrap-servers}, security), the delivery guarantees are the
 * platform's and not configurable.
 *
 * @param enabled        switches the bridge off, e.g. for a test slice without Kafka
 * @param partitions     partitions of the topics created at startup when missing
 * @param sendTimeout    how long the publisher waits for the broker's ack before it gives up
 *                       and lets the tracking processor retry the event
 * @param requestRetries further attempts of a request whose command fails, before it is answered
 *                       {@code request-failed} and parked on the dead-letter topic; a command
 *                       refused by a business rule is answered at once, without retries
 * @param retryBackoff   pause between those attempts
 */
@ConfigurationProperties("opsledger.kafka")
public record KafkaBridgeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3") int partitions,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("3") int requestRetries,
        @DefaultValue("1s") Duration retryBackoff) {
}
