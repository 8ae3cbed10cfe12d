package dev.opsledger.access.grant.api;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a grant stands. The one list of its lifecycle: the aggregate, the saga and the read side
 * ask it instead of keeping their own.
 */
public enum GrantStatus {
    /** Approved; the membership is being added, or the external resource's provisioning task runs. */
    PROVISIONING,
    /**
     * Not active. Keycloak: adding the membership failed and is retried with backoff. External: the
     * provisioning task failed (or its answer never came), which is final; releasing or revoking the
     * grant runs the deprovisioning task and frees the user's slot.
     */
    PROVISION_FAILED,
    ACTIVE,
    /** Ending (expired, revoked or released); the membership is being removed. */
    DEPROVISIONING,
    /** Removing the membership (or the deprovisioning task) failed; retried. Never reported as ended meanwhile. */
    DEPROVISION_FAILED,
    EXPIRED,
    REVOKED,
    RELEASED;

    public static final String WRONG_STATE = "grant.wrong-state";
    public static final String ALREADY_ENDED = "grant.already-ended";

    private static final Set<GrantStatus> ENDED = EnumSet.of(EXPIRED, REVOKED, RELEASED);
    private static final Set<GrantStatus> PROVISIONING_STATES = EnumSet.of(PROVISIONING, PROVISION_FAILED);
    private static final Set<GrantStatus> ENDING = EnumSet.of(DEPROVISIONING, DEPROVISION_FAILED);

    public boolean isEnded() {
        return ENDED.contains(this);
    }

    public boolean isProvisioning() {
        return PROVISIONING_STATES.contains(this);
    }

    public boolean isEnding() {
        return ENDING.contains(this);
    }

    /** Whether revocation or release may still begin: not yet ending nor ended. */
    public boolean mayEnd() {
        return this == ACTIVE || isProvisioning();
    }

    /** Refuses a step the lifecycle doesn't allow from here, e.g. activating an active grant. */
    public void require(boolean allowed, String action) {
        if (!allowed) {
            throw BusinessRuleViolation.conflict(WRONG_STATE, "A grant that is " + this + " cannot " + action);
        }
    }

    /** Refuses to end a grant twice: revocation and release begin only from {@link #mayEnd()}. */
    public void requireMayEnd() {
        if (!mayEnd()) {
            throw BusinessRuleViolation.conflict(ALREADY_ENDED, "The grant is already " + this);
        }
    }
}
