package dev.opsledger.backup.restore.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The backup is restored. */
@Revision("1")
public record RestoreSucceeded(String restoreId, String runId, String targetId, String detail, Instant completedAt) {
}
