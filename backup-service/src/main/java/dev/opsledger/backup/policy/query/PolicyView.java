package dev.opsledger.backup.policy.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A policy's current version as clients read it. */
public record PolicyView(String policyId, String targetId, int version, String cron, String zone, int keepLast,
                         int keepDaily, int keepWeekly, int keepMonthly, Duration rpo, String verificationCron,
                         String verificationZone, int requiredApprovals, List<String> approverRoles,
                         boolean fourEyes, Duration decisionTimeout, boolean servesPreDeploy, String missedRuns,
                         Duration runTimeout, String verificationCheck, Instant definedAt, Instant updatedAt) {
}
