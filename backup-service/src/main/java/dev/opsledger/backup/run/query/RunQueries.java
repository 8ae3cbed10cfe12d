package dev.opsledger.backup.run.query;

import static dev.opsledger.platform.query.Projections.instant;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.query.Projections;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code run_view}: newest first, optionally for one target. */
@Component
public class RunQueries {

    private final JdbcClient jdbc;

    RunQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RunView> find(String runId) {
        return jdbc.sql("SELECT * FROM run_view WHERE run_id = ?").param(runId).query(RunQueries::view).optional();
    }

    public Page<RunView> page(String targetId, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        String where = "WHERE (CAST(? AS text) IS NULL OR target_id = ?)";
        List<RunView> rows = cursor == null
                ? jdbc.sql("SELECT * FROM run_view " + where + " ORDER BY requested_at DESC, run_id DESC LIMIT ?")
                        .params(targetId, targetId, limit + 1).query(RunQueries::view).list()
                : jdbc.sql("SELECT * FROM run_view " + where + " AND (requested_at, run_id) < (?, ?) "
                                + "ORDER BY requested_at DESC, run_id DESC LIMIT ?")
                        .params(targetId, targetId, Projections.utc(cursor.instant(0)), cursor.text(1), limit + 1)
                        .query(RunQueries::view).list();
        return Page.of(rows, limit, view -> Cursor.of(view.requestedAt(), view.runId()));
    }

    /** A target's successful runs whose files still exist, for retention. */
    public List<RunView> unexpiredSuccesses(String targetId) {
        return jdbc.sql("SELECT * FROM run_view WHERE target_id = ? AND status = 'SUCCEEDED' AND NOT expired "
                        + "ORDER BY completed_at DESC").param(targetId).query(RunQueries::view).list();
    }

    /** The newest good backup of a target: succeeded, not expired, not failed verification. */
    public Optional<RunView> lastGood(String targetId) {
        return jdbc.sql("SELECT * FROM run_view WHERE target_id = ? AND status = 'SUCCEEDED' AND NOT expired "
                        + "AND verification <> 'FAILED' ORDER BY completed_at DESC, run_id DESC LIMIT 1")
                .param(targetId).query(RunQueries::view).optional();
    }

    /** The newest verified backup of a target, expired or not: when a restore was last proven. */
    public Optional<RunView> lastVerified(String targetId) {
        return jdbc.sql("SELECT * FROM run_view WHERE target_id = ? AND verification = 'VERIFIED' "
                        + "ORDER BY verified_at DESC, run_id DESC LIMIT 1")
                .param(targetId).query(RunQueries::view).optional();
    }

    /** The newest successful backup whose file still exists, good or not. */
    public Optional<RunView> newestSuccess(String targetId) {
        return jdbc.sql("SELECT * FROM run_view WHERE target_id = ? AND status = 'SUCCEEDED' AND NOT expired "
                        + "ORDER BY completed_at DESC, run_id DESC LIMIT 1")
                .param(targetId).query(RunQueries::view).optional();
    }

    private static RunView view(ResultSet row, int rowNumber) throws SQLException {
        return new RunView(row.getString("run_id"), row.getString("target_id"), row.getString("target_name"),
                row.getString("policy_id"), row.getString("trigger"), row.getString("request_id"),
                row.getString("status"), row.getString("verification"), row.getBoolean("expired"),
                row.getString("requested_by"), instant(row.getTimestamp("requested_at")),
                instant(row.getTimestamp("started_at")), instant(row.getTimestamp("completed_at")),
                row.getString("location"), (Long) row.getObject("size_bytes"), row.getString("sha256"),
                (Long) row.getObject("duration_ms"), row.getString("tool_version"), row.getString("failure_reason"),
                row.getString("stderr_tail"), instant(row.getTimestamp("verified_at")),
                row.getString("verification_detail"), instant(row.getTimestamp("expired_at")));
    }
}
