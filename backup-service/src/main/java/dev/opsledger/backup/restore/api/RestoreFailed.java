package dev.opsledger.backup.restore.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The restore failed; the reason says at which step. */
@Revision("1")
public record RestoreFailed(String restoreId, String runId, String targetId, String reason, Instant failedAt) {
}
