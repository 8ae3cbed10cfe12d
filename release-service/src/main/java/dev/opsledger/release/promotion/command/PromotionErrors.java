package dev.opsledger.release.promotion.command;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.promotion.api.PromotionStatus;

/** The stable codes a promotion answers with, and the violations that carry them. */
public final class PromotionErrors {

    public static final String OUT_OF_ORDER = "promotion.out-of-order";
    public static final String ALREADY_ACTIVE = "promotion.already-active";
    public static final String FROZEN = "promotion.frozen";
    public static final String OUTSIDE_WINDOW = "promotion.outside-window";
    public static final String WRONG_STATE = "promotion.wrong-state";
    public static final String ROLE_NOT_ALLOWED = "promotion.role-not-allowed";
    public static final String REASON_REQUIRED = "promotion.reason-required";
    public static final String NOT_FROZEN = "promotion.not-frozen";
    public static final String FREEZE_ALREADY_OVERRIDDEN = "promotion.freeze-already-overridden";
    public static final String ROLLBACK_NOT_CURRENT = "promotion.rollback-not-current";
    public static final String NOTHING_TO_ROLL_BACK_TO = "promotion.nothing-to-roll-back-to";

    private PromotionErrors() {
    }

    static BusinessRuleViolation wrongState(PromotionStatus status, String action) {
        return BusinessRuleViolation.conflict(WRONG_STATE, "A promotion that is " + status + " cannot " + action);
    }

    static BusinessRuleViolation roleNotAllowed(String action, String roles) {
        return BusinessRuleViolation.forbidden(ROLE_NOT_ALLOWED, "Only " + roles + " may " + action);
    }

    static String requireText(String value, String code, String message) {
        if (value == null || value.isBlank()) {
            throw BusinessRuleViolation.unprocessable(code, message);
        }
        return value;
    }
}
