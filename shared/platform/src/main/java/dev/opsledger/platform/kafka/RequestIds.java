package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.OpsLedgerService;
import java.util.Objects;

/**
 * Request ids derived from the requester's aggregate, the step and the attempt, never drawn at
 * random: the request id is the receiver's idempotency key, so sending the same step again (a
 * replay, a republished event) reaches the same effect, and a new attempt is a new request.
 * The requesting service's id leads, so an answer to one of ours is recognised by its id alone.
 */
public final class RequestIds {

    private static final String SEPARATOR = ":";

    private RequestIds() {
    }

    /** {@code <service>:<aggregateId>:<step>:<attempt>}, e.g. {@code release:p-42:deploy:1}. */
    public static String of(OpsLedgerService requester, String aggregateId, String step, int attempt) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(step, "step");
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts count from 1: " + attempt);
        }
        return requester.id() + SEPARATOR + aggregateId + SEPARATOR + step + SEPARATOR + attempt;
    }

    /** Whether {@code requestId} was derived by {@code service}. */
    public static boolean isFrom(OpsLedgerService service, String requestId) {
        return requestId != null && requestId.startsWith(service.id() + SEPARATOR);
    }
}
