package dev.opsledger.automation.run.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.automation.run.api.RunApprovalExpired;
import dev.opsledger.automation.run.api.RunApprovalGiven;
import dev.opsledger.automation.run.api.RunApproved;
import dev.opsledger.automation.run.api.RunAwaitingApproval;
import dev.opsledger.automation.run.api.RunCancelled;
import dev.opsledger.automation.run.api.RunFailed;
import dev.opsledger.automation.run.api.RunInterrupted;
import dev.opsledger.automation.run.api.RunQueued;
import dev.opsledger.automation.run.api.RunRejected;
import dev.opsledger.automation.run.api.RunRequested;
import dev.opsledger.automation.run.api.RunStarted;
import dev.opsledger.automation.run.api.RunStatus;
import dev.opsledger.automation.run.api.RunSucceeded;
import dev.opsledger.automation.run.api.RunTimedOut;
import dev.opsledger.platform.query.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Maintains {@code task_run_view}. */
@Component
@ProcessingGroup(RunProjection.PROCESSING_GROUP)
class RunProjection {

    static final String PROCESSING_GROUP = "task-run-view";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RunProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RunRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO task_run_view (run_id, task_id, version, status, trigger, request_id, parameters,
                            digest, requested_by_id, requested_by_name, requested_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING""")
                .params(event.runId(), event.ref().taskId(), event.ref().version(), RunStatus.REQUESTED.name(),
                        event.trigger().name(), event.ref().requestId(),
                        json.writeValueAsString(event.inputs().parameters()), event.digest(),
                        event.requestedBy().id(), event.requestedBy().name(), utc(event.requestedAt()), utc(at))
                .update();
    }

    @EventHandler
    void on(RunAwaitingApproval event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE task_run_view SET status = ?, required_approvals = ?, approver_roles = ?, four_eyes = ?,
                            approval_deadline = ?, updated_at = ?
                        WHERE run_id = ?""")
                .params(RunStatus.AWAITING_APPROVAL.name(), event.policy().requiredApprovals(),
                        event.policy().approverRoles().stream().sorted().toArray(String[]::new),
                        event.policy().fourEyes(), utc(event.deadline()), utc(at), event.runId())
                .update();
    }

    @EventHandler
    void on(RunApprovalGiven event, @Timestamp Instant at) {
        jdbc.sql("UPDATE task_run_view SET approved_by = array_append(approved_by, ?), updated_at = ? WHERE run_id = ?")
                .params(event.approver().id(), utc(at), event.runId())
                .update();
    }

    @EventHandler
    void on(RunApproved event, @Timestamp Instant at) {
        status(event.runId(), RunStatus.QUEUED, at);
    }

    @EventHandler
    void on(RunQueued event, @Timestamp Instant at) {
        status(event.runId(), RunStatus.QUEUED, at);
    }

    @EventHandler
    void on(RunRejected event, @Timestamp Instant at) {
        ended(event.runId(), RunStatus.REJECTED, null, "rejected by " + event.rejectedBy().name() + ": "
                + event.reason(), at);
    }

    @EventHandler
    void on(RunApprovalExpired event, @Timestamp Instant at) {
        ended(event.runId(), RunStatus.EXPIRED, null, "no decision before " + event.deadline(), at);
    }

    @EventHandler
    void on(RunStarted event, @Timestamp Instant at) {
        jdbc.sql("UPDATE task_run_view SET status = ?, started_at = ?, updated_at = ? WHERE run_id = ?")
                .params(RunStatus.RUNNING.name(), utc(event.startedAt()), utc(at), event.runId())
                .update();
    }

    @EventHandler
    void on(RunSucceeded event, @Timestamp Instant at) {
        ended(event.runId(), RunStatus.SUCCEEDED, event.exitCode(), event.detail(), at);
    }

    @EventHandler
    void on(RunFailed event, @Timestamp Instant at) {
        ended(event.runId(), RunStatus.FAILED, event.exitCode(), event.reason(), at);
    }

    @EventHandler
    void on(RunTimedOut event, @Timestamp Instant at) {
        ended(event.runId(), RunStatus.TIMED_OUT, null, "timed out after " + event.timeout(), at);
    }

    @EventHandler
    void on(RunCancelled event, @Timestamp Instant at) {
        ended(event.runId(), RunStatus.CANCELLED, null, "cancelled by " + event.cancelledBy().name()
                + (event.reason() == null ? "" : ": " + event.reason()), at);
    }

    @EventHandler
    void on(RunInterrupted event, @Timestamp Instant at) {
        ended(event.runId(), RunStatus.INTERRUPTED, null, event.reason(), at);
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "task_run_view");
    }

    private void status(String runId, RunStatus status, Instant at) {
        jdbc.sql("UPDATE task_run_view SET status = ?, updated_at = ? WHERE run_id = ?")
                .params(status.name(), utc(at), runId)
                .update();
    }

    private void ended(String runId, RunStatus status, Integer exitCode, String detail, Instant at) {
        jdbc.sql("""
                        UPDATE task_run_view SET status = ?, exit_code = ?, detail = ?, finished_at = ?, updated_at = ?
                        WHERE run_id = ?""")
                .params(status.name(), exitCode, detail, utc(at), utc(at), runId)
                .update();
    }
}
