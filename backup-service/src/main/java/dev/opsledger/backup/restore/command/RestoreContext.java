package dev.opsledger.backup.restore.command;

import dev.opsledger.backup.run.command.RestorableRun;
import dev.opsledger.platform.approval.ApprovalPolicy;

/** What requesting a restore reads beyond the aggregate, inside the command's unit of work. */
public interface RestoreContext {

    /** The run to restore; {@code backup-run.not-found} (404) when there is none. */
    RestorableRun run(String runId);

    /** Who must approve restores of the run's target: its policy's, or the default for targets without one. */
    ApprovalPolicy approvalFor(String policyId);

    /** The directory rules of targets (allowed roots, symlinks, not the repository) for a new folder. */
    void checkNewDirectory(String path);
}
