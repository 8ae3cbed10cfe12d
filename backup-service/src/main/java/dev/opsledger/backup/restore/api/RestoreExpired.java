package dev.opsledger.backup.restore.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** No decision before the deadline. */
@Revision("1")
public record RestoreExpired(String restoreId, Instant deadline) {
}
