package dev.opsledger.backup.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** No backup came of the run; {@code stderrTail} is the end of the tool's error output, if any. */
@Revision("1")
public record BackupRunFailed(String runId, String targetId, String targetName, String requestId, String reason,
                              String stderrTail, Instant failedAt) {
}
