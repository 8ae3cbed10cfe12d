package dev.opsledger.platform.approval;

import java.time.Instant;

/** One approver's vote, as recorded in the aggregate's history. */
public record ApprovalDecision(String approverId, String approverName, boolean approved, String comment,
                               Instant decidedAt) {
}
