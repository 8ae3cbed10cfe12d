package dev.opsledger.backup.restore.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Enough approvals: the restore will run. */
@Revision("1")
public record RestoreApproved(String restoreId, List<String> approvers, Instant approvedAt) {
}
