package dev.opsledger.contracts;

/**
 * A public event other services and teams may consume. Implementations are records annotated
 * with {@link MessageType}, published to {@link OpsLedgerService#eventsTopic()} as CloudEvents.
 */
public interface IntegrationEvent {

    /** The aggregate the event is about: the CloudEvent {@code subject} and the Kafka key. */
    String subject();
}
