package dev.opsledger.backup.target.api;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.Map;

/** The stable codes a target's definition is refused with, each naming the field at fault. */
public final class InvalidTarget {

    public static final String INVALID_LOCATION = "target.invalid-location";
    public static final String PATH_NOT_ALLOWED = "target.path-not-allowed";

    private InvalidTarget() {
    }

    public static BusinessRuleViolation of(String code, String field, String message) {
        return new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, code, message,
                Map.of("field", field));
    }
}
