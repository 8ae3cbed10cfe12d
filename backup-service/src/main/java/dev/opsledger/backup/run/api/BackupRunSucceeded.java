package dev.opsledger.backup.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The backup is in the repository. */
@Revision("1")
public record BackupRunSucceeded(String runId, String targetId, String targetName, RunTrigger trigger,
                                 String requestId, BackupArtifact artifact, Instant completedAt) {
}
