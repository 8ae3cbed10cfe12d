package dev.opsledger.backup.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Retention removed the backup's file; the record stays. */
@Revision("1")
public record BackupRunExpired(String runId, String targetId, String location, String reason, Instant expiredAt) {
}
