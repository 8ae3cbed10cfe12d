package dev.opsledger.release.promotion.api;

import java.util.Arrays;
import java.util.List;

/**
 * Where a promotion stands: the one list of the promotion's lifecycle. Each state names its
 * phase, and everything that depends on the lifecycle asks the phase: the aggregate (what may
 * happen next), the read side (which promotions are still open) and, through {@link PromotionEnded},
 * the saga, the environment claim and the projections (what ends a promotion). A new state is
 * one line here plus the event that enters it.
 */
public enum PromotionStatus {
    REQUESTED(Phase.UNDECIDED),
    AWAITING_APPROVAL(Phase.UNDECIDED),
    APPROVED(Phase.READY_TO_DEPLOY),
    WAITING_FOR_WINDOW(Phase.READY_TO_DEPLOY),
    /** backup-service takes the environment's pre-deploy backup; nothing is deployed yet. */
    BACKING_UP(Phase.PREPARING),
    /** The pre-deploy backup exists; the deployment starts in the next open slot. */
    BACKED_UP(Phase.READY_TO_DEPLOY),
    DEPLOYING(Phase.DEPLOYING),
    /** The deploy task's run waits for an approver of automation-service. */
    AWAITING_DEPLOY_APPROVAL(Phase.DEPLOYING),
    DEPLOYED(Phase.DEPLOYMENT_ENDED),
    REJECTED(Phase.ENDED_UNDEPLOYED),
    EXPIRED(Phase.ENDED_UNDEPLOYED),
    CANCELLED(Phase.ENDED_UNDEPLOYED),
    FAILED(Phase.DEPLOYMENT_ENDED);

    private enum Phase { UNDECIDED, READY_TO_DEPLOY, PREPARING, DEPLOYING, ENDED_UNDEPLOYED, DEPLOYMENT_ENDED }

    private static final List<PromotionStatus> ACTIVE =
            Arrays.stream(values()).filter(status -> !status.isTerminal()).toList();

    private final Phase phase;

    PromotionStatus(Phase phase) {
        this.phase = phase;
    }

    /** Not yet deploying: it may still be cancelled or have its freezes overridden. */
    public boolean isBeforeDeployment() {
        return phase == Phase.UNDECIDED || phase == Phase.READY_TO_DEPLOY || phase == Phase.PREPARING;
    }

    /** Waiting for the pre-deploy backup. */
    public boolean isBackingUp() {
        return phase == Phase.PREPARING;
    }

    /** Approved and not yet deploying: the saga may start the deployment or make it wait. */
    public boolean isReadyToDeploy() {
        return phase == Phase.READY_TO_DEPLOY;
    }

    public boolean isDeploying() {
        return phase == Phase.DEPLOYING;
    }

    /** Ends the promotion and frees its environment for the next one. */
    public boolean isTerminal() {
        return phase == Phase.ENDED_UNDEPLOYED || phase == Phase.DEPLOYMENT_ENDED;
    }

    /** The outcome of a deployment that ran, success or failure: what the deployment ledger keeps. */
    public boolean isDeploymentOutcome() {
        return phase == Phase.DEPLOYMENT_ENDED;
    }

    /** Every state that is not terminal, in lifecycle order. */
    public static List<PromotionStatus> active() {
        return ACTIVE;
    }
}
