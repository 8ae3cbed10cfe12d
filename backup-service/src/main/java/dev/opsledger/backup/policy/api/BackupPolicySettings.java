package dev.opsledger.backup.policy.api;

import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a policy version says. Each field's rule is checked here (or in its value object),
 * so a policy that exists is one that can run.
 *
 * @param schedule          when backups are taken
 * @param retention         which backups are kept (GFS)
 * @param rpo               the most data loss acceptable: the last good backup may be at most this old
 * @param verification      when the newest good backup is restored as a test
 * @param restoreApproval   who must approve a restore
 * @param servesPreDeploy   whether another service (a release's pre-deploy step) may ask for a backup
 * @param missedRuns        what to do about slots missed while the service was down
 * @param runTimeout        how long a backup or a verification may take before it is ended as failed
 * @param verificationCheck SQL that must return {@code true} in the restored database, or {@code null}
 *                          to check that the tables and row counts are there
 */
public record BackupPolicySettings(CronSchedule schedule, Retention retention, Duration rpo,
                                   CronSchedule verification, ApprovalPolicy restoreApproval,
                                   boolean servesPreDeploy, MissedRuns missedRuns, Duration runTimeout,
                                   String verificationCheck) {

    static final Duration MAX_RPO = Duration.ofDays(366);
    static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    public BackupPolicySettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(restoreApproval, "restoreApproval");
        Objects.requireNonNull(missedRuns, "missedRuns");
        if (rpo == null || rpo.isNegative() || rpo.isZero() || rpo.compareTo(MAX_RPO) > 0) {
            throw InvalidPolicy.of(InvalidPolicy.RPO_NOT_POSITIVE, "rpo", "The RPO must be positive and at most 366 days");
        }
        if (runTimeout == null || runTimeout.isNegative() || runTimeout.isZero()
                || runTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw InvalidPolicy.of(InvalidPolicy.INVALID_TIMEOUT, "runTimeout",
                    "The run timeout must be positive and at most 24 hours");
        }
        if (verificationCheck != null && (verificationCheck.isBlank() || verificationCheck.length() > 2000
                || verificationCheck.chars().anyMatch(c -> c == 0))) {
            throw InvalidPolicy.of(InvalidPolicy.INVALID_CHECK, "verificationCheck",
                    "A verification check is one SQL query of at most 2000 characters");
        }
    }
}
