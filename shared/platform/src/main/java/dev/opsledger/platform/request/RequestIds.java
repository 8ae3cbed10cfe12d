package dev.opsledger.platform.request;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Request ids derived from the requester's aggregate, the step and the attempt, never drawn at
 * random: the request id is the receiver's idempotency key, so sending the same step again (a
 * replay, a republished event) reaches the same effect, and a new attempt is a new request.
 * The requesting service's id leads, so an answer to one of ours is recognised by its id alone.
 *
 * <p>Plain Java, so an aggregate derives the id it records (the domain may not see the Kafka bridge).
 */
public final class RequestIds {

    private static final String SEPARATOR = ":";
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]*");

    private RequestIds() {
    }

    /** {@code <service>:<aggregateId>:<step>:<attempt>}, e.g. {@code release:p-42:deploy:1}. */
    public static String of(String requesterService, String aggregateId, String step, int attempt) {
        if (requesterService == null || !SERVICE.matcher(requesterService).matches()) {
            throw new IllegalArgumentException("A requesting service is named like 'release': " + requesterService);
        }
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(step, "step");
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts count from 1: " + attempt);
        }
        return requesterService + SEPARATOR + aggregateId + SEPARATOR + step + SEPARATOR + attempt;
    }

    /** Whether {@code requestId} was derived by the service named {@code serviceId}. */
    public static boolean isFrom(String serviceId, String requestId) {
        return requestId != null && requestId.startsWith(serviceId + SEPARATOR);
    }
}
