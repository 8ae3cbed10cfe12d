package dev.opsledger.backup.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The test restore failed, or the file no longer matches its SHA-256. */
@Revision("1")
public record BackupVerificationFailed(String runId, String targetId, String reason, Instant failedAt) {
}
