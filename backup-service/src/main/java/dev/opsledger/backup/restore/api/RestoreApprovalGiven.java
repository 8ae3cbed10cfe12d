package dev.opsledger.backup.restore.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One approver approved. */
@Revision("1")
public record RestoreApprovalGiven(String restoreId, Actor approver, String comment, Instant approvedAt,
                                   int approvalsStillNeeded) {
}
