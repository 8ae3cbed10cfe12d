package dev.opsledger.backup.run.command;

import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.run.api.RunStatus;
import dev.opsledger.backup.run.api.Verification;

/** What a restore reads of the run it restores, inside its own unit of work. */
public record RestorableRun(String runId, BackupJob job, RunStatus status, Verification verification,
                            BackupArtifact artifact, boolean expired) {
}
