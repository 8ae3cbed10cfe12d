package dev.opsledger.backup.restore.api;

import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A restore was asked for. */
@Revision("1")
public record RestoreRequested(String restoreId, String runId, BackupJob job, BackupArtifact artifact,
                               RestoreDestination destination, Actor requestedBy, Instant requestedAt) {
}
