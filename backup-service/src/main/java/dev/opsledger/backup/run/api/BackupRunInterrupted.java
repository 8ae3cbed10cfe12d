package dev.opsledger.backup.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The run was found active at start-up and closed: it never finished. */
@Revision("1")
public record BackupRunInterrupted(String runId, String targetId, String targetName, String requestId,
                                   String reason, Instant at) {
}
