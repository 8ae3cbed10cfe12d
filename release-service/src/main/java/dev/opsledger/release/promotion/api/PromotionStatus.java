package dev.opsledger.release.promotion.api;

import java.util.EnumSet;
import java.util.Set;

/** Where a promotion stands. Terminal states end it and free its environment for the next one. */
public enum PromotionStatus {
    REQUESTED,
    AWAITING_APPROVAL,
    APPROVED,
    WAITING_FOR_WINDOW,
    DEPLOYING,
    DEPLOYED,
    REJECTED,
    EXPIRED,
    CANCELLED,
    FAILED;

    private static final Set<PromotionStatus> BEFORE_DEPLOYMENT =
            EnumSet.of(REQUESTED, AWAITING_APPROVAL, APPROVED, WAITING_FOR_WINDOW);
    private static final Set<PromotionStatus> TERMINAL = EnumSet.of(DEPLOYED, REJECTED, EXPIRED, CANCELLED, FAILED);

    public boolean isBeforeDeployment() {
        return BEFORE_DEPLOYMENT.contains(this);
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Approved and not yet deploying: the saga may start the deployment or make it wait. */
    public boolean isReadyToDeploy() {
        return this == APPROVED || this == WAITING_FOR_WINDOW;
    }
}
