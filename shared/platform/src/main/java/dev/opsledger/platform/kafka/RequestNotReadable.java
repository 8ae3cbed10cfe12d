package dev.opsledger.platform.kafka;

/**
 * A record on the requests topic that cannot be answered: not a CloudEvent, or without a
 * {@code requestId} to answer to. Reading it again gives the same result, so it is not retried;
 * it goes to the dead-letter topic with reason {@value #REASON} and no answer.
 */
public class RequestNotReadable extends RuntimeException {

    public static final String REASON = "malformed-request";

    RequestNotReadable(String message, Throwable cause) {
        super(message, cause);
    }
}
