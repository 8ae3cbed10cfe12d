package dev.opsledger.automation.run.persistence;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.automation.run.api.RunApprovalExpired;
import dev.opsledger.automation.run.api.RunCancelled;
import dev.opsledger.automation.run.api.RunEvent;
import dev.opsledger.automation.run.api.RunFailed;
import dev.opsledger.automation.run.api.RunInterrupted;
import dev.opsledger.automation.run.api.RunQueued;
import dev.opsledger.automation.run.api.RunRejected;
import dev.opsledger.automation.run.api.RunStarted;
import dev.opsledger.automation.run.api.RunSucceeded;
import dev.opsledger.automation.run.api.RunTimedOut;
import dev.opsledger.automation.run.command.RunClaims;
import dev.opsledger.platform.persistence.ClaimTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write-side tables of runs: the FORBID claim ({@code exclusive_run}) and the work queue
 * ({@code run_queue}). A subscribing processor (see {@code AutomationServiceConfiguration}), so
 * both change in the transaction of the event: a queued run is never lost between the event and
 * the queue, and a finished run never blocks the next.
 */
@Component
@ProcessingGroup(RunQueueTables.PROCESSING_GROUP)
public class RunQueueTables implements RunClaims {

    public static final String PROCESSING_GROUP = "run-queue";

    private final JdbcClient jdbc;
    private final ClaimTable exclusive;

    RunQueueTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.exclusive = ClaimTable.of(jdbc, "exclusive_run").keyedBy("task_id").heldBy("run_id");
    }

    @Override
    public boolean claimExclusive(String taskId, String runId) {
        return exclusive.claim(runId, taskId);
    }

    @EventHandler
    void on(RunQueued event) {
        jdbc.sql("""
                        INSERT INTO run_queue (run_id, task_id, concurrency, queued_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (run_id) DO NOTHING""")
                .params(event.runId(), event.ref().taskId(), event.concurrency().name(), utc(event.queuedAt()))
                .update();
    }

    @EventHandler
    void on(RunStarted event) {
        jdbc.sql("UPDATE run_queue SET started_at = ?, worker = ? WHERE run_id = ?")
                .params(utc(event.startedAt()), event.worker(), event.runId())
                .update();
    }

    @EventHandler
    void on(RunSucceeded event) {
        finished(event);
    }

    @EventHandler
    void on(RunFailed event) {
        finished(event);
    }

    @EventHandler
    void on(RunTimedOut event) {
        finished(event);
    }

    @EventHandler
    void on(RunCancelled event) {
        finished(event);
    }

    @EventHandler
    void on(RunInterrupted event) {
        finished(event);
    }

    @EventHandler
    void on(RunRejected event) {
        finished(event);
    }

    @EventHandler
    void on(RunApprovalExpired event) {
        finished(event);
    }

    private void finished(RunEvent event) {
        jdbc.sql("DELETE FROM run_queue WHERE run_id = ?").param(event.runId()).update();
        exclusive.release(event.runId());
    }
}
