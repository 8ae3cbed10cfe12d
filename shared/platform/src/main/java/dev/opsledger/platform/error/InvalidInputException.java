package dev.opsledger.platform.error;

/**
 * Input that passed binding but is not acceptable, found by code rather than by a bean validation
 * annotation (an opaque cursor that does not decode, a range whose end precedes its start).
 * Answered like bean validation failures: 400, {@code code: "validation.failed"}, one error.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
