package dev.opsledger.contracts;

import java.time.Instant;

/**
 * A service did not take a request up at all: it does not serve its type or version, or the
 * request did not match the type's schema. Nothing happened in the receiving service. Published
 * on its events topic as {@code dev.opsledger.<service>.request-rejected.v1}.
 *
 * @param requestId   the request's id
 * @param requestType the request's CloudEvent type as sent
 * @param subject     the aggregate the request was about, or the request id when it named none
 * @param reason      stable code: {@link #UNSUPPORTED_TYPE} or {@link #INVALID_REQUEST}
 * @param detail      for people; never needed to decide
 * @param rejectedAt  when the service rejected it
 */
@CommonMessageType(name = "request-rejected", version = 1)
public record RequestRejected(String requestId, String requestType, String subject, String reason, String detail,
                              Instant rejectedAt) implements IntegrationAnswer {

    /** No handler for this type and version: send a version the service serves (see its AsyncAPI document). */
    public static final String UNSUPPORTED_TYPE = "unsupported-type";
    /** The type is served, but the data does not fit its record. */
    public static final String INVALID_REQUEST = "invalid-request";
}
