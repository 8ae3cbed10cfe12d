package dev.opsledger.automation.run.query;

import static dev.opsledger.platform.query.Projections.instant;
import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.automation.run.api.RunStatus;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalDecision;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.approval.ApprovalStatus;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code task_run_view} and the runs' logs. */
@Component
public class RunQueries {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RunQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<RunView> find(String runId) {
        return jdbc.sql("SELECT * FROM task_run_view WHERE run_id = ?").param(runId).query(this::view).optional();
    }

    /** Newest first, optionally of one task and in one status. */
    public Page<RunView> list(String taskId, RunStatus status, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor, 2);
        StringBuilder sql = new StringBuilder("SELECT * FROM task_run_view WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (taskId != null) {
            sql.append(" AND task_id = ?");
            params.add(taskId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (after != null) {
            sql.append(" AND (requested_at, run_id) < (?, ?)");
            params.add(utc(after.instant(0)));
            params.add(after.text(1));
        }
        sql.append(" ORDER BY requested_at DESC, run_id DESC LIMIT ?");
        params.add(limit + 1);
        List<RunView> rows = jdbc.sql(sql.toString()).params(params).query(this::view).list();
        return Page.of(rows, limit, view -> Cursor.of(view.requestedAt(), view.runId()));
    }

    /**
     * Runs {@code caller} could approve at {@code now}, judged by the same {@link Approvals} rules
     * the aggregate applies, so the list never offers what the aggregate would refuse.
     */
    public List<RunView> pendingFor(Actor caller, Instant now) {
        return jdbc.sql("SELECT * FROM task_run_view WHERE status = ? ORDER BY approval_deadline, run_id")
                .param(RunStatus.AWAITING_APPROVAL.name())
                .query(this::view).list().stream()
                .filter(view -> approvalsOf(view).mayBeDecidedBy(caller, now))
                .toList();
    }

    /** The log from {@code offset}, at most {@code limit} chunks. */
    public RunLog log(String runId, long offset, int limit) {
        List<LogChunk> chunks = jdbc.sql("""
                        SELECT start_offset, content FROM run_log_chunk
                        WHERE run_id = ? AND start_offset + length(content) > ?
                        ORDER BY start_offset LIMIT ?""")
                .params(runId, offset, limit)
                .query((row, n) -> {
                    long start = row.getLong(1);
                    String content = row.getString(2);
                    // A reader may ask from inside a chunk: answer from exactly there.
                    int skip = (int) Math.max(0, offset - start);
                    return new LogChunk(start + skip, content.substring(skip));
                })
                .list();
        long next = chunks.isEmpty() ? offset : chunks.getLast().offset() + chunks.getLast().text().length();
        boolean finished = find(runId).map(view -> RunStatus.valueOf(view.status()).isFinished()).orElse(false);
        return new RunLog(runId, chunks, next, finished);
    }

    private static Approvals approvalsOf(RunView view) {
        var policy = new ApprovalPolicy(view.requiredApprovals(), Set.copyOf(view.approverRoles()), true,
                // Only positivity matters here: the deadline is already fixed in the view.
                Duration.ofSeconds(1));
        List<ApprovalDecision> decisions = view.approvedBy().stream()
                .map(id -> new ApprovalDecision(id, id, true, null, view.updatedAt()))
                .toList();
        return new Approvals(policy, view.requestedById(), view.approvalDeadline(), decisions, ApprovalStatus.PENDING);
    }

    private RunView view(ResultSet row, int rowNumber) throws SQLException {
        return new RunView(row.getString("run_id"), row.getString("task_id"), row.getInt("version"),
                row.getString("status"), row.getString("trigger"), row.getString("request_id"),
                json.readValue(row.getString("parameters"), PARAMETERS), row.getString("digest"),
                row.getString("requested_by_id"), row.getString("requested_by_name"),
                instant(row.getTimestamp("requested_at")), (Integer) row.getObject("required_approvals"),
                strings(row.getArray("approver_roles")), instant(row.getTimestamp("approval_deadline")),
                strings(row.getArray("approved_by")), instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")), (Integer) row.getObject("exit_code"),
                row.getString("detail"), instant(row.getTimestamp("updated_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
