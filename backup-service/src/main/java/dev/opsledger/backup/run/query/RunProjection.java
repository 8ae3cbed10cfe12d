package dev.opsledger.backup.run.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.backup.run.api.BackupRunExpired;
import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunInterrupted;
import dev.opsledger.backup.run.api.BackupRunRequested;
import dev.opsledger.backup.run.api.BackupRunStarted;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.backup.run.api.BackupVerificationFailed;
import dev.opsledger.backup.run.api.BackupVerificationRequested;
import dev.opsledger.backup.run.api.BackupVerified;
import dev.opsledger.backup.run.api.RunStatus;
import dev.opsledger.backup.run.api.Verification;
import dev.opsledger.platform.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code run_view}: every run, failures and expired ones included. */
@Component
@ProcessingGroup("run-view")
class RunProjection {

    private final JdbcClient jdbc;

    RunProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BackupRunRequested event) {
        var job = event.job();
        jdbc.sql("""
                        INSERT INTO run_view (run_id, target_id, target_name, policy_id, trigger, request_id, status,
                            verification, requested_by, requested_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING""")
                .params(event.runId(), job.targetId(), job.targetName(), job.policyId(), event.trigger().name(),
                        event.requestId(), RunStatus.REQUESTED.name(), Verification.NOT_VERIFIED.name(),
                        event.requestedBy().name(), utc(event.requestedAt()))
                .update();
    }

    @EventHandler
    void on(BackupRunStarted event) {
        jdbc.sql("UPDATE run_view SET status = ?, started_at = ? WHERE run_id = ?")
                .params(RunStatus.RUNNING.name(), utc(event.startedAt()), event.runId()).update();
    }

    @EventHandler
    void on(BackupRunSucceeded event) {
        var artifact = event.artifact();
        jdbc.sql("""
                        UPDATE run_view SET status = ?, completed_at = ?, location = ?, size_bytes = ?, sha256 = ?,
                            duration_ms = ?, tool_version = ? WHERE run_id = ?""")
                .params(RunStatus.SUCCEEDED.name(), utc(event.completedAt()), artifact.location(),
                        artifact.sizeBytes(), artifact.sha256(), artifact.duration().toMillis(),
                        artifact.toolVersion(), event.runId())
                .update();
    }

    @EventHandler
    void on(BackupRunFailed event) {
        jdbc.sql("UPDATE run_view SET status = ?, completed_at = ?, failure_reason = ?, stderr_tail = ? WHERE run_id = ?")
                .params(RunStatus.FAILED.name(), utc(event.failedAt()), event.reason(), event.stderrTail(),
                        event.runId())
                .update();
    }

    @EventHandler
    void on(BackupRunInterrupted event) {
        jdbc.sql("UPDATE run_view SET status = ?, completed_at = ?, failure_reason = ? WHERE run_id = ?")
                .params(RunStatus.INTERRUPTED.name(), utc(event.at()), event.reason(), event.runId()).update();
    }

    @EventHandler
    void on(BackupVerificationRequested event) {
        verification(event.runId(), Verification.VERIFYING, null, null);
    }

    @EventHandler
    void on(BackupVerified event) {
        verification(event.runId(), Verification.VERIFIED, event.detail(), event.verifiedAt());
    }

    @EventHandler
    void on(BackupVerificationFailed event) {
        verification(event.runId(), Verification.FAILED, event.reason(), event.failedAt());
    }

    @EventHandler
    void on(BackupRunExpired event) {
        jdbc.sql("UPDATE run_view SET expired = TRUE, expired_at = ? WHERE run_id = ?")
                .params(utc(event.expiredAt()), event.runId()).update();
    }

    private void verification(String runId, Verification state, String detail, java.time.Instant at) {
        jdbc.sql("""
                        UPDATE run_view SET verification = ?, verification_detail = COALESCE(?, verification_detail),
                            verified_at = COALESCE(?, verified_at) WHERE run_id = ?""")
                .params(state.name(), detail, utc(at), runId).update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "run_view");
    }
}
