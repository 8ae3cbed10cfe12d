package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageTypes;

/**
 * Turns a request another service sent to this service's requests topic into a command on one
 * of its own aggregates, so the fact enters the service's own history. One bean per request
 * type; the CloudEvent {@code type} is taken from the record's {@code @MessageType}.
 *
 * <p>The command is dispatched with the request's metadata (actor, correlation, causation =
 * CloudEvent id, {@code requestId}) and in the same transaction that records the CloudEvent id as
 * processed, so a request delivered twice is handled once.
 *
 * @param <R> the request record from {@code shared/contracts}
 */
public interface IntegrationRequestHandler<R extends IntegrationRequest> {

    Class<R> requestType();

    /** The command to send; {@code null} to acknowledge the request without a command. */
    Object toCommand(R request);

    default String cloudEventType() {
        return MessageTypes.typeOf(requestType());
    }
}
