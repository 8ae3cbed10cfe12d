/**
 * The Kafka bridge between a service's event-sourced history and other services and teams.
 *
 * <p>What a service does to use it (no wiring code):
 * <ul>
 *   <li>{@code opsledger.service.name=<release|access|backup|automation>} in its
 *       {@code application.yml} (see {@link dev.opsledger.platform.axon.OpsLedgerServiceProperties});
 *       the bridge stays off without it;</li>
 *   <li>{@link dev.opsledger.platform.kafka.IntegrationEventMapper} beans: internal event →
 *       public record of {@code shared/contracts}, published by the
 *       {@link dev.opsledger.platform.kafka.IntegrationEventPublisher} tracking processor
 *       ({@code integration-publisher}) as a CloudEvent to {@code opsledger.<service>.events};</li>
 *   <li>{@link dev.opsledger.platform.kafka.IntegrationRequestHandler} beans: public request →
 *       command, consumed once from {@code opsledger.<service>.requests} by the
 *       {@link dev.opsledger.platform.kafka.IntegrationRequestConsumer}.</li>
 * </ul>
 * Tuning lives under {@code opsledger.kafka.*} ({@link dev.opsledger.platform.kafka.KafkaBridgeProperties});
 * the broker address under Spring's {@code spring.kafka.bootstrap-servers}.
 */
package dev.opsledger.platform.kafka;
