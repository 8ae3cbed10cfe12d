package dev.opsledger.automation.run.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the API returns it. {@code parameters} hold secret references, never their values;
 * {@code digest} is what an approval binds to.
 */
public record RunView(String runId, String taskId, int version, String status, String trigger, String requestId,
                      Map<String, String> parameters, String digest, String requestedById, String requestedByName,
                      Instant requestedAt, Integer requiredApprovals, List<String> approverRoles,
                      Instant approvalDeadline, List<String> approvedBy, Instant startedAt, Instant finishedAt,
                      Integer exitCode, String detail, Instant updatedAt) {
}
