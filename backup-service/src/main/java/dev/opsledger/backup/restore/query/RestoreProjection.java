package dev.opsledger.backup.restore.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.backup.restore.api.RestoreApprovalGiven;
import dev.opsledger.backup.restore.api.RestoreApproved;
import dev.opsledger.backup.restore.api.RestoreAwaitingApproval;
import dev.opsledger.backup.restore.api.RestoreExpired;
import dev.opsledger.backup.restore.api.RestoreFailed;
import dev.opsledger.backup.restore.api.RestoreRejected;
import dev.opsledger.backup.restore.api.RestoreRequested;
import dev.opsledger.backup.restore.api.RestoreStarted;
import dev.opsledger.backup.restore.api.RestoreStatus;
import dev.opsledger.backup.restore.api.RestoreSucceeded;
import dev.opsledger.platform.query.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code restore_view}. */
@Component
@ProcessingGroup("restore-view")
class RestoreProjection {

    private final JdbcClient jdbc;

    RestoreProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RestoreRequested event, @Timestamp Instant at) {
        // The approval policy arrives with the next event; placeholders until then.
        jdbc.sql("""
                        INSERT INTO restore_view (restore_id, run_id, target_id, destination_kind, destination_name,
                            status, requested_by_id, requested_by_name, requested_at, required_approvals,
                            approver_roles, four_eyes, approval_deadline, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '{}', TRUE, ?, ?) ON CONFLICT (restore_id) DO NOTHING""")
                .params(event.restoreId(), event.runId(), event.job().targetId(), event.destination().kind().name(),
                        event.destination().name(), RestoreStatus.AWAITING_APPROVAL.name(), event.requestedBy().id(),
                        event.requestedBy().name(), utc(event.requestedAt()), utc(event.requestedAt()), utc(at))
                .update();
    }

    @EventHandler
    void on(RestoreAwaitingApproval event, @Timestamp Instant at) {
        var policy = event.policy();
        jdbc.sql("""
                        UPDATE restore_view SET required_approvals = ?, approver_roles = ?, four_eyes = ?,
                            approval_deadline = ?, updated_at = ? WHERE restore_id = ?""")
                .params(policy.requiredApprovals(), policy.approverRoles().stream().sorted().toArray(String[]::new),
                        policy.fourEyes(), utc(event.deadline()), utc(at), event.restoreId())
                .update();
    }

    @EventHandler
    void on(RestoreApprovalGiven event, @Timestamp Instant at) {
        jdbc.sql("UPDATE restore_view SET approved_by = array_append(approved_by, ?), updated_at = ? WHERE restore_id = ?")
                .params(event.approver().id(), utc(at), event.restoreId()).update();
    }

    @EventHandler
    void on(RestoreApproved event, @Timestamp Instant at) {
        status(event.restoreId(), RestoreStatus.APPROVED, null, at);
    }

    @EventHandler
    void on(RestoreRejected event, @Timestamp Instant at) {
        status(event.restoreId(), RestoreStatus.REJECTED, event.rejectedBy().name() + ": " + event.reason(), at);
    }

    @EventHandler
    void on(RestoreExpired event, @Timestamp Instant at) {
        status(event.restoreId(), RestoreStatus.EXPIRED, "No decision before " + event.deadline(), at);
    }

    @EventHandler
    void on(RestoreStarted event, @Timestamp Instant at) {
        jdbc.sql("UPDATE restore_view SET status = ?, safety_run_id = ?, updated_at = ? WHERE restore_id = ?")
                .params(RestoreStatus.RESTORING.name(), event.safetyRunId(), utc(at), event.restoreId()).update();
    }

    @EventHandler
    void on(RestoreSucceeded event, @Timestamp Instant at) {
        status(event.restoreId(), RestoreStatus.SUCCEEDED, event.detail(), at);
    }

    @EventHandler
    void on(RestoreFailed event, @Timestamp Instant at) {
        status(event.restoreId(), RestoreStatus.FAILED, event.reason(), at);
    }

    private void status(String restoreId, RestoreStatus status, String detail, Instant at) {
        jdbc.sql("""
                        UPDATE restore_view SET status = ?, outcome_detail = COALESCE(?, outcome_detail), updated_at = ?
                        WHERE restore_id = ?""")
                .params(status.name(), detail, utc(at), restoreId).update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "restore_view");
    }
}
