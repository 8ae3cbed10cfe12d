package dev.opsledger.backup.run.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A test restore of the backup begins. */
@Revision("1")
public record BackupVerificationRequested(String runId, BackupJob job, BackupArtifact artifact, Actor requestedBy,
                                          Instant requestedAt) {
}
