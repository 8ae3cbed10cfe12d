package dev.opsledger.backup.restore.api;

import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The restore is being written; {@code safetyRunId} is the backup taken of the target first, if any. */
@Revision("1")
public record RestoreStarted(String restoreId, String runId, BackupJob job, BackupArtifact artifact,
                             RestoreDestination destination, String safetyRunId, Instant startedAt) {
}
