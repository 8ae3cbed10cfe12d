package dev.opsledger.release.promotion.command;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.promotion.api.PromotionStatus;

/** The violations a promotion answers with; their codes are {@link PromotionCodes}. */
public final class PromotionErrors {

    private PromotionErrors() {
    }

    static BusinessRuleViolation wrongState(PromotionStatus status, String action) {
        return BusinessRuleViolation.conflict(PromotionCodes.WRONG_STATE, "A promotion that is " + status + " cannot " + action);
    }

    static BusinessRuleViolation roleNotAllowed(String action, String roles) {
        return BusinessRuleViolation.forbidden(PromotionCodes.ROLE_NOT_ALLOWED, "Only " + roles + " may " + action);
    }

    static String requireText(String value, String code, String message) {
        if (value == null || value.isBlank()) {
            throw BusinessRuleViolation.unprocessable(code, message);
        }
        return value;
    }
}
