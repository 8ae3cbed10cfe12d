package dev.opsledger.backup.run.persistence;

import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunInterrupted;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.platform.persistence.ClaimTable;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Frees a target's active-run claim in the transaction of the event that ends the run (a
 * subscribing processor, see {@code BackupServiceConfiguration}), so the next run never meets a
 * stale claim. The claims are also the consistent list of active runs start-up closes.
 */
@Component
@ProcessingGroup(ActiveRunClaims.PROCESSING_GROUP)
public class ActiveRunClaims {

    public static final String PROCESSING_GROUP = "active-run-claims";

    private final JdbcClient jdbc;

    ActiveRunClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static ClaimTable table(JdbcClient jdbc) {
        return ClaimTable.of(jdbc, "active_run").keyedBy("target_id").heldBy("run_id");
    }

    /** Every run that holds its target now. */
    public List<String> activeRuns() {
        return jdbc.sql("SELECT run_id FROM active_run ORDER BY run_id").query(String.class).list();
    }

    @EventHandler
    void on(BackupRunSucceeded event) {
        table(jdbc).release(event.runId());
    }

    @EventHandler
    void on(BackupRunFailed event) {
        table(jdbc).release(event.runId());
    }

    @EventHandler
    void on(BackupRunInterrupted event) {
        table(jdbc).release(event.runId());
    }
}
