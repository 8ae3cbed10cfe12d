package dev.opsledger.backup.run.saga;

import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;

/**
 * Runs the drivers off the saga's thread. Each call returns at once; the outcome comes back as a
 * command on the run ({@code CompleteBackupRun}/{@code FailBackupRun}, {@code RecordVerification}).
 */
public interface BackupExecutor {

    void backUp(String runId, BackupJob job);

    void verify(String runId, BackupJob job, BackupArtifact artifact);

    /** Stops the run's process if one still runs (its timeout passed). */
    void cancel(String runId);
}
