package dev.opsledger.contracts;

/**
 * A public event that can answer an {@link IntegrationRequest}: it carries the request's
 * {@link #requestId()}, so the requester matches the answer to what it asked. Every request gets
 * exactly one answer: the service's success event, {@link RequestFailed} or {@link RequestRejected}.
 */
public interface IntegrationAnswer extends IntegrationEvent {

    /**
     * The {@link IntegrationRequest#requestId()} this event answers; {@code null} when the event
     * happened on its own (a scheduled backup, a person's action) rather than for a request.
     */
    String requestId();
}
