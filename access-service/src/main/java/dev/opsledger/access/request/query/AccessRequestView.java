package dev.opsledger.access.request.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A request as the read side knows it.
 *
 * @param outcomeBy     who ended it (rejected or cancelled), if anyone
 * @param outcomeDetail the reason that came with the end
 */
public record AccessRequestView(String requestId, String grantId, boolean extension, String resourceId,
                                String resourceName, String requesterId, String requesterName, String justification,
                                Duration duration, String status, Instant requestedAt, Instant deadline,
                                int requiredApprovals, List<String> approverRoles, boolean fourEyes,
                                List<String> approvedBy, List<String> approvedByNames, String outcomeBy,
                                String outcomeDetail, Instant updatedAt) {
}
