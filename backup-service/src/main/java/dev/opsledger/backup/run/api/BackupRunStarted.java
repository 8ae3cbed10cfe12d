package dev.opsledger.backup.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The driver began writing. */
@Revision("1")
public record BackupRunStarted(String runId, BackupJob job, Instant startedAt) {
}
