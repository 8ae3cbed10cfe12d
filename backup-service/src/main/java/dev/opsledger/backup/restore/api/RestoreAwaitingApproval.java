package dev.opsledger.backup.restore.api;

import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The restore waits for the policy's approvers until {@code deadline}. */
@Revision("1")
public record RestoreAwaitingApproval(String restoreId, ApprovalPolicy policy, String requesterId, Instant deadline) {
}
