package dev.opsledger.backup.run.command;

import dev.opsledger.backup.run.api.BackupJob;

/** What a run's commands need beyond the aggregate, read or claimed in the command's transaction. */
public interface RunContext {

    /** The job for a target now: its location and its policy's version; {@code target.not-found} if none. */
    BackupJob jobFor(String targetId);

    /** The job for a policy's target now; {@code policy.not-found} if there is no such policy. */
    BackupJob jobForPolicy(String policyId);

    /** Whether the policy lets other services ask for a backup (a release's pre-deploy step). */
    boolean servesPreDeploy(String policyId);

    /** @return whether {@code runId} is now the target's one active run; false while another runs */
    boolean claimTarget(String targetId, String runId);

    /** Whether a restore that is not finished refers to the run (retention must keep it). */
    boolean isPinnedByRestore(String runId);
}
