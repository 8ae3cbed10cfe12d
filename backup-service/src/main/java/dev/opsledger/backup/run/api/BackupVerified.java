package dev.opsledger.backup.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A test restore proved the backup restores. */
@Revision("1")
public record BackupVerified(String runId, String targetId, String detail, Instant verifiedAt) {
}
