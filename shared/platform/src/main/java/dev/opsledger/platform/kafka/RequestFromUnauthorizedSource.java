package dev.opsledger.platform.kafka;

/**
 * A request whose CloudEvent {@code source} is not a service allowed to send its type
 * ({@link dev.opsledger.contracts.SentBy}): forged, or sent by a service that has no business
 * asking. It is not carried out, not recorded in the inbox and not answered: an answer would
 * speak to a service that never asked, and an inbox row would take the place of the real
 * request with that id. It goes to the dead-letter topic with reason {@value #REASON}, for the
 * operators, and is not retried (ADR 063).
 */
public class RequestFromUnauthorizedSource extends RuntimeException {

    public static final String REASON = "unauthorized-source";

    RequestFromUnauthorizedSource(String message) {
        super(message);
    }
}
