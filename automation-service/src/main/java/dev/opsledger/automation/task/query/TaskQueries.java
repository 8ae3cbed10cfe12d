package dev.opsledger.automation.task.query;

import static dev.opsledger.platform.query.Projections.instant;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code task_view}, {@code task_version_view} and {@code scheduled_run_missed_view}. */
@Component
public class TaskQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TaskQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<TaskView> find(String taskId) {
        return jdbc.sql("SELECT * FROM task_view WHERE task_id = ?").param(taskId).query(this::task).optional();
    }

    /** By name, then id. */
    public Page<TaskView> list(int limit, String cursor) {
        Cursor after = Cursor.decode(cursor, 2);
        List<TaskView> rows = after == null
                ? jdbc.sql("SELECT * FROM task_view ORDER BY name, task_id LIMIT ?").param(limit + 1)
                        .query(this::task).list()
                : jdbc.sql("SELECT * FROM task_view WHERE (name, task_id) > (?, ?) ORDER BY name, task_id LIMIT ?")
                        .params(after.text(0), after.text(1), limit + 1).query(this::task).list();
        return Page.of(rows, limit, view -> Cursor.of(view.name(), view.taskId()));
    }

    /** Newest version first. */
    public Page<TaskVersionView> versions(String taskId, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor, 1);
        long below = after == null ? Integer.MAX_VALUE : after.number(0);
        List<TaskVersionView> rows = jdbc.sql("""
                        SELECT * FROM task_version_view WHERE task_id = ? AND version < ?
                        ORDER BY version DESC LIMIT ?""")
                .params(taskId, below, limit + 1)
                .query((row, n) -> new TaskVersionView(row.getString("task_id"), row.getInt("version"),
                        json.readTree(row.getString("spec")), row.getString("defined_by"),
                        instant(row.getTimestamp("defined_at"))))
                .list();
        return Page.of(rows, limit, view -> Cursor.of(view.version()));
    }

    /** Fire times the schedule skipped, newest first. */
    public Page<Instant> missedFires(String taskId, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor, 1);
        Instant before = after == null ? Instant.parse("9999-12-31T00:00:00Z") : after.instant(0);
        List<Instant> rows = jdbc.sql("""
                        SELECT scheduled_for FROM scheduled_run_missed_view WHERE task_id = ? AND scheduled_for < ?
                        ORDER BY scheduled_for DESC LIMIT ?""")
                .params(taskId, dev.opsledger.platform.query.Projections.utc(before), limit + 1)
                .query((row, n) -> instant(row.getTimestamp(1))).list();
        return Page.of(rows, limit, Cursor::of);
    }

    private TaskView task(ResultSet row, int rowNumber) throws SQLException {
        return new TaskView(row.getString("task_id"), row.getString("name"), row.getInt("version"),
                json.readTree(row.getString("spec")), row.getString("defined_by"),
                instant(row.getTimestamp("defined_at")), instant(row.getTimestamp("updated_at")));
    }
}
