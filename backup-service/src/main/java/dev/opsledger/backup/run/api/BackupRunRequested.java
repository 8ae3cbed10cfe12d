package dev.opsledger.backup.run.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A backup was asked for. */
@Revision("1")
public record BackupRunRequested(String runId, BackupJob job, RunTrigger trigger, String requestId,
                                 Actor requestedBy, Instant requestedAt) {
}
