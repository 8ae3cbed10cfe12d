package dev.opsledger.backup.policy.api;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.Map;

/** The stable codes a policy's settings are refused with, each naming the field at fault. */
public final class InvalidPolicy {

    public static final String INVALID_CRON = "policy.invalid-cron";
    public static final String INVALID_ZONE = "policy.invalid-zone";
    public static final String RETENTION_EMPTY = "policy.retention-empty";
    public static final String INVALID_RETENTION = "policy.invalid-retention";
    public static final String RPO_NOT_POSITIVE = "policy.rpo-not-positive";
    public static final String INVALID_TIMEOUT = "policy.invalid-timeout";
    public static final String INVALID_CHECK = "policy.invalid-check";

    private InvalidPolicy() {
    }

    public static BusinessRuleViolation of(String code, String field, String message) {
        return new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, code, message,
                Map.of("field", field));
    }
}
