package dev.opsledger.backup.restore.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An approver rejected the restore. */
@Revision("1")
public record RestoreRejected(String restoreId, Actor rejectedBy, String reason, Instant rejectedAt) {
}
