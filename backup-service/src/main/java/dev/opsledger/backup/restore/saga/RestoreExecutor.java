package dev.opsledger.backup.restore.saga;

import dev.opsledger.backup.restore.api.RestoreDestination;
import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;

/**
 * Writes a backup to its destination off the saga's thread; the outcome comes back as
 * {@code CompleteRestore} or {@code FailRestore}. The file's SHA-256 is checked before anything
 * is written.
 */
public interface RestoreExecutor {

    void restore(String restoreId, BackupJob job, BackupArtifact artifact, RestoreDestination destination);

    /** Stops the restore's process if one still runs. */
    void cancel(String restoreId);
}
