package dev.opsledger.backup.target.api;

import java.time.Duration;
import java.time.Instant;

/**
 * How well a target is protected: the age of its last good backup against the policy's RPO.
 * At risk past 80 % of the RPO, so people can act before it is breached.
 */
public enum SufficiencyState {
    COMPLIANT,
    AT_RISK,
    BREACHED,
    UNPROTECTED;

    static final int AT_RISK_PERCENT = 80;

    /**
     * @param rpo          the policy's RPO, or {@code null} when the target has no policy
     * @param lastGood     the last good backup's completion, or {@code null} when there is none
     */
    public static SufficiencyState assess(Duration rpo, Instant lastGood, Instant now) {
        if (rpo == null) {
            return UNPROTECTED;
        }
        if (lastGood == null) {
            return BREACHED;
        }
        Duration age = Duration.between(lastGood, now);
        if (age.compareTo(rpo) > 0) {
            return BREACHED;
        }
        return age.multipliedBy(100).compareTo(rpo.multipliedBy(AT_RISK_PERCENT)) > 0 ? AT_RISK : COMPLIANT;
    }
}
