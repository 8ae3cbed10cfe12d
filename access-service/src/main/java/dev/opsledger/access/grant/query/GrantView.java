package dev.opsledger.access.grant.query;

import java.time.Instant;
import java.util.List;

/**
 * A grant as the read side knows it. Access was effective from {@code activatedAt} until
 * {@code effectiveUntil} (its end plus the access-token lifespan; {@code null} while it lasts).
 *
 * @param approvers    names of the approvers of the request behind it (empty for break-glass)
 * @param lastFailure  the latest provisioning or deprovisioning failure: while retrying, or for an
 *                     external resource whose provisioning task failed, for good
 * @param pendingTaskRequest for an external resource: the task request whose answer the grant waits for
 * @param retryAt      when a failed provisioning or deprovisioning is tried again, if it is
 * @param reviewStatus for break-glass: {@code PENDING}, {@code JUSTIFIED}, {@code UNJUSTIFIED} or {@code OVERDUE}
 */
public record GrantView(String grantId, String requestId, String resourceId, String targetKind, String targetName,
                        String userId, String userName, String status, boolean breakGlass, String justification,
                        List<String> approvers, Instant openedAt, Instant activatedAt, Instant expiresAt,
                        Instant endedAt, Instant effectiveUntil, String endReason, String endedBy, String endComment,
                        String lastFailure, String reviewStatus, Instant reviewDeadline, String reviewedBy,
                        String reviewComment, String pendingTaskRequest, Instant retryAt, Instant updatedAt) {
}
