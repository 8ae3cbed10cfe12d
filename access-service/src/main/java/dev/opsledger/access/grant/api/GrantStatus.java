package dev.opsledger.access.grant.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a grant stands. The one list of its lifecycle: the aggregate, the saga and the read side
 * ask it instead of keeping their own.
 */
public enum GrantStatus {
    /** Approved; the membership is being added. */
    PROVISIONING,
    /** Adding the membership failed; retried with backoff. Not active: Keycloak lacks it. */
    PROVISION_FAILED,
    ACTIVE,
    /** Ending (expired, revoked or released); the membership is being removed. */
    DEPROVISIONING,
    /** Removing the membership failed; retried. Never reported as ended while Keycloak may have it. */
    DEPROVISION_FAILED,
    EXPIRED,
    REVOKED,
    RELEASED;

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
}
