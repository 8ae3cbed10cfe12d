package dev.opsledger.backup.restore.query;

import java.time.Instant;
import java.util.List;

/** A restore as clients read it. */
public record RestoreView(String restoreId, String runId, String targetId, String destinationKind,
                          String destinationName, String status, String requestedById, String requestedByName,
                          Instant requestedAt, int requiredApprovals, List<String> approverRoles, boolean fourEyes,
                          Instant approvalDeadline, List<String> approvedBy, String safetyRunId, String outcomeDetail,
                          Instant updatedAt) {
}
