package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationEvent;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;

/**
 * Decides which internal events become public ones. A service registers one or more beans;
 * each returns the public record (from {@code shared/contracts}) for the events it knows and
 * {@link Optional#empty()} for all others. Internal events are never published as they are.
 *
 * <p>At most one mapper may answer for an event: the CloudEvent id is the Axon event id, and two
 * public messages with one id would be deduplicated away by consumers. A mapper that throws
 * stops the publisher, which retries the same event; fix the mapper and it resumes.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    Optional<? extends IntegrationEvent> map(EventMessage<?> event);
}
