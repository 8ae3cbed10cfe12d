package dev.opsledger.automation.task.api;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.Map;

/** How the value objects of a definition and of a run's inputs say "this field is wrong". */
public final class SpecViolations {

    private SpecViolations() {
    }

    /** A 422 naming the offending field, so a client can point at it. */
    public static BusinessRuleViolation invalid(String code, String field, String message) {
        return new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, code, message,
                Map.of("field", field));
    }

    /** Text without control characters (NUL, newlines) that could forge logs or split arguments. */
    public static String plainText(String value, String code, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(code, field, field + " is required");
        }
        if (value.length() > maxLength) {
            throw invalid(code, field, field + " is longer than " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(code, field, field + " contains control characters");
        }
        return value;
    }
}
