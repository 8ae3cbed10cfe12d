package dev.opsledger.backup.run.api;

import dev.opsledger.backup.target.api.TargetLocation;
import java.time.Duration;

/**
 * What a run does, fixed when it is requested: the target as registered and the policy version
 * in force, so a later edit of either never changes a run under way.
 *
 * @param policyId          the target's policy, or {@code null} for a target without one
 * @param verificationCheck the policy's SQL check for test restores, or {@code null}
 */
public record BackupJob(String targetId, String targetName, TargetLocation location, String policyId,
                        int policyVersion, Duration timeout, String verificationCheck) {
}
