package dev.opsledger.platform.error;

/**
 * A read-side "no such thing" (a query by unknown id). Commands on unknown aggregates use
 * {@link BusinessRuleViolation.Kind#NOT_FOUND} or surface as Axon's
 * {@code AggregateNotFoundException}; all three answer 404.
 */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String message) {
        this("not-found", message);
    }

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Convenience for the common "type with id X does not exist". */
    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " does not exist");
    }

    public String code() {
        return code;
    }
}
