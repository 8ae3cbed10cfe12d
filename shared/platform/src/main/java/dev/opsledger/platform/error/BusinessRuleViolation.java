package dev.opsledger.platform.error;

import dev.opsledger.platform.core.error.CodedFailure;
import java.util.Map;
import java.util.Objects;

/**
 * A command broke a rule of the domain. Thrown by aggregates before anything is applied, so a
 * rejected command stores no event. The platform answers it as an RFC 9457 problem detail with
 * the stable {@link #code()} clients can switch on; the message is for people.
 */
public class BusinessRuleViolation extends RuntimeException implements CodedFailure {

    /** How the violation is answered over HTTP. */
    public enum Kind {
        /** 409: the request conflicts with the current state (duplicate, already decided). */
        CONFLICT(409),
        /** 422: the request is well formed but not allowed by a rule (frozen, out of order). */
        UNPROCESSABLE(422),
        /** 403: the caller is authenticated but this rule says not them (four eyes, wrong role). */
        FORBIDDEN(403),
        /** 404: a referenced thing does not exist. */
        NOT_FOUND(404);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final String code;
    private final Kind kind;
    private final Map<String, Object> details;

    public BusinessRuleViolation(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public BusinessRuleViolation(Kind kind, String code, String message, Map<String, Object> details) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.details = Map.copyOf(details);
    }

    public static BusinessRuleViolation conflict(String code, String message) {
        return new BusinessRuleViolation(Kind.CONFLICT, code, message);
    }

    public static BusinessRuleViolation unprocessable(String code, String message) {
        return new BusinessRuleViolation(Kind.UNPROCESSABLE, code, message);
    }

    public static BusinessRuleViolation forbidden(String code, String message) {
        return new BusinessRuleViolation(Kind.FORBIDDEN, code, message);
    }

    public static BusinessRuleViolation notFound(String code, String message) {
        return new BusinessRuleViolation(Kind.NOT_FOUND, code, message);
    }

    /** 404 in the one wording every service uses: "No release with id 42". */
    public static BusinessRuleViolation noSuch(String code, String what, Object id) {
        return notFound(code, "No " + what + " with id " + id);
    }

    @Override
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Extra members of the problem detail, e.g. the field a rule is about. */
    public Map<String, Object> details() {
        return details;
    }
}
