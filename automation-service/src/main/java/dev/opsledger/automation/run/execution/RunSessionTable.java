package dev.opsledger.automation.run.execution;

import static dev.opsledger.platform.query.Projections.instant;
import static dev.opsledger.platform.query.Projections.utc;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code run_process} table: a write-side table of automation-service's own database, so that
 * a row written before a crash is there at the next start, whatever happened to the JVM.
 */
class RunSessionTable implements RunSessionRecords {

    private final JdbcClient jdbc;

    RunSessionTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(RunSession session) {
        jdbc.sql("""
                        INSERT INTO run_process
                            (run_id, leader_pid, leader_start_ticks, leader_started_at, boot_id, host)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (run_id) DO UPDATE SET leader_pid = EXCLUDED.leader_pid,
                            leader_start_ticks = EXCLUDED.leader_start_ticks,
                            leader_started_at = EXCLUDED.leader_started_at,
                            boot_id = EXCLUDED.boot_id, host = EXCLUDED.host, recorded_at = now()""")
                .params(session.runId(), session.leaderPid(), session.leaderStartTicks(),
                        utc(session.leaderStartedAt()),
                        session.machine().bootId(), session.machine().host())
                .update();
    }

    @Override
    public void forget(String runId) {
        jdbc.sql("DELETE FROM run_process WHERE run_id = ?").param(runId).update();
    }

    @Override
    public List<RunSession> all() {
        return jdbc.sql("""
                        SELECT run_id, leader_pid, leader_start_ticks, leader_started_at, boot_id, host
                        FROM run_process ORDER BY run_id""")
                .query((row, number) -> new RunSession(row.getString("run_id"), row.getLong("leader_pid"),
                        row.getLong("leader_start_ticks"), instant(row.getTimestamp("leader_started_at")),
                        new Machine(row.getString("boot_id"), row.getString("host"))))
                .list();
    }
}
