package dev.opsledger.release.promotion.command;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.api.EnvironmentRules;
import java.time.Instant;

/**
 * Whether a promotion may start deploying: its environment's windows and freezes, as copied at
 * request time, with the freezes lifted once an admin overrode them.
 */
record DeploymentGate(EnvironmentRules rules, boolean freezeOverridden) {

    static DeploymentGate of(EnvironmentRules rules) {
        return new DeploymentGate(rules, false);
    }

    /** @throws BusinessRuleViolation {@value PromotionErrors#FROZEN} or {@value PromotionErrors#OUTSIDE_WINDOW} */
    void requireOpenAt(Instant now) {
        switch (rules.blockerAt(now, freezeOverridden)) {
            case FROZEN -> throw BusinessRuleViolation.unprocessable(PromotionErrors.FROZEN,
                    rules.name() + " is frozen: " + rules.freezeAt(now).orElseThrow().reason());
            case OUTSIDE_WINDOW -> throw BusinessRuleViolation.unprocessable(PromotionErrors.OUTSIDE_WINDOW,
                    "No deployment window of " + rules.name() + " is open now");
            case NONE -> {
                // Open: nothing keeps the deployment from starting.
            }
        }
    }

    /**
     * An override must lift something: a freeze that applies now or later.
     *
     * @throws BusinessRuleViolation {@value PromotionErrors#FREEZE_ALREADY_OVERRIDDEN} or
     *                               {@value PromotionErrors#NOT_FROZEN}
     */
    void requireOverridableAt(Instant now) {
        if (freezeOverridden) {
            throw BusinessRuleViolation.conflict(PromotionErrors.FREEZE_ALREADY_OVERRIDDEN,
                    "The freezes are already overridden for this promotion");
        }
        if (!rules.hasFreezeEndingAfter(now)) {
            throw BusinessRuleViolation.unprocessable(PromotionErrors.NOT_FROZEN,
                    "No current or coming freeze applies to this promotion");
        }
    }

    DeploymentGate overridden() {
        return new DeploymentGate(rules, true);
    }
}
