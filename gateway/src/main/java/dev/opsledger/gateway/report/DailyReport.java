package dev.opsledger.gateway.report;

import java.time.Instant;
import java.util.List;

import dev.opsledger.gateway.audit.AuditAnswer.Missing;

/**
 * {@code GET /api/daily-report}: the daily checklist of a DevOps engineer as one answer, built from
 * the services' own APIs with the caller's token (so it holds only what the caller may read; a
 * service that refused or could not be asked is named in {@code missing}, never taken for "all good").
 *
 * @param from       the start of yesterday in {@code zone}: deployments and failures since then count
 * @param notChecked questions of the checklist no service API can answer yet, said rather than skipped
 */
public record DailyReport(Instant from, Instant to, String zone,
                          Deployments deployments, Approvals approvals, Backups backups, Waiting waiting,
                          Automation automation, List<Missing> missing, List<String> notChecked) {

    /** Did yesterday's and today's deployments succeed? */
    public record Deployments(List<Deployment> succeeded, List<Deployment> failed) {
    }

    public record Deployment(String application, String environment, String version, String outcome,
                             Instant recordedAt, String recordedBy, String detail, String promotionId,
                             String releaseId) {
    }

    /** Was every deployment properly approved? What went out past the normal path. */
    public record Approvals(List<Deployment> freezeOverrides, List<Grant> breakGlass) {
    }

    public record Grant(String grantId, String user, String target, String status, Instant openedAt,
                        String reviewStatus, Instant reviewDeadline, String justification) {
    }

    /** Is every backup sufficient? Target names per problem. */
    public record Backups(List<String> breached, List<String> atRisk, List<String> unprotected,
                          List<String> restoreTestsOverdue) {
    }

    /** What is waiting too long. */
    public record Waiting(List<Pending> approvalsNearDeadline, List<Grant> breakGlassReviewsOverdue) {
    }

    public record Pending(String kind, String id, String what, String requestedBy, Instant deadline) {
    }

    /** Which automation runs failed. */
    public record Automation(List<Run> failedRuns) {
    }

    public record Run(String runId, String taskId, String status, Instant finishedAt, String detail) {
    }
}
