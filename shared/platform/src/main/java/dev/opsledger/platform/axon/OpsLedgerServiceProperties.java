package dev.opsledger.platform.axon;

import dev.opsledger.contracts.OpsLedgerService;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which OpsLedger service this application is: {@code opsledger.service.name=release}. Binds
 * case-insensitively to {@link OpsLedgerService}, so a typo fails at startup instead of
 * publishing to a topic nobody reads. Drives the Kafka topics, the CloudEvent {@code source} and
 * the service's Flyway location {@code classpath:db/migration/<name>}.
 *
 * @param name the service; {@code null} in applications that are not one of the four services
 *             (then the Kafka bridge stays off)
 */
@ConfigurationProperties("opsledger.service")
public record OpsLedgerServiceProperties(OpsLedgerService name) {
}
