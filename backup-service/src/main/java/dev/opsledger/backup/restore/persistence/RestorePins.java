package dev.opsledger.backup.restore.persistence;

import dev.opsledger.backup.restore.api.RestoreExpired;
import dev.opsledger.backup.restore.api.RestoreFailed;
import dev.opsledger.backup.restore.api.RestoreRejected;
import dev.opsledger.backup.restore.api.RestoreRequested;
import dev.opsledger.backup.restore.api.RestoreSucceeded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pins the run a restore refers to from request to outcome, in the events' own transaction (a
 * subscribing processor), so retention can never expire a backup a restore is about to use.
 */
@Component
@ProcessingGroup(RestorePins.PROCESSING_GROUP)
public class RestorePins {

    public static final String PROCESSING_GROUP = "restore-pins";

    private final JdbcClient jdbc;

    RestorePins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RestoreRequested event) {
        jdbc.sql("INSERT INTO restore_pin (restore_id, run_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.restoreId(), event.runId()).update();
    }

    @EventHandler
    void on(RestoreSucceeded event) {
        unpin(event.restoreId());
    }

    @EventHandler
    void on(RestoreFailed event) {
        unpin(event.restoreId());
    }

    @EventHandler
    void on(RestoreRejected event) {
        unpin(event.restoreId());
    }

    @EventHandler
    void on(RestoreExpired event) {
        unpin(event.restoreId());
    }

    private void unpin(String restoreId) {
        jdbc.sql("DELETE FROM restore_pin WHERE restore_id = ?").param(restoreId).update();
    }
}
