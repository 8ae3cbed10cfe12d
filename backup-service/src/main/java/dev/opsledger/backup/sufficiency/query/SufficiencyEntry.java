package dev.opsledger.backup.sufficiency.query;

import java.time.Duration;
import java.time.Instant;

/**
 * One target's protection at a moment.
 *
 * @param state                 COMPLIANT, AT_RISK, BREACHED or UNPROTECTED (no policy)
 * @param lastGoodBackupAge     age of the newest good backup, or {@code null} when there is none
 * @param lastVerifiedAt        when a test restore last proved a backup of the target
 * @param verificationOverdue   whether the last proof is older than the verification schedule allows
 *                              (a slot of the verification schedule passed since), or there is none
 * @param newestBackupUnusable  the newest backup failed its verification: the last good one is older
 */
public record SufficiencyEntry(String targetId, String name, String kind, String state, String policyId,
                               Duration rpo, Instant lastGoodBackupAt, Duration lastGoodBackupAge,
                               String lastGoodRunId, Instant lastVerifiedAt, boolean verificationOverdue,
                               boolean newestBackupUnusable) {
}
