package dev.opsledger.backup.restore.query;

import static dev.opsledger.platform.query.Projections.instant;

import dev.opsledger.backup.restore.api.RestoreStatus;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalDecision;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.approval.ApprovalStatus;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.query.Projections;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code restore_view}. */
@Component
public class RestoreQueries {

    private final JdbcClient jdbc;

    RestoreQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RestoreView> find(String restoreId) {
        return jdbc.sql("SELECT * FROM restore_view WHERE restore_id = ?").param(restoreId)
                .query(RestoreQueries::view).optional();
    }

    public Page<RestoreView> page(int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        List<RestoreView> rows = cursor == null
                ? jdbc.sql("SELECT * FROM restore_view ORDER BY requested_at DESC, restore_id DESC LIMIT ?")
                        .param(limit + 1).query(RestoreQueries::view).list()
                : jdbc.sql("SELECT * FROM restore_view WHERE (requested_at, restore_id) < (?, ?) "
                                + "ORDER BY requested_at DESC, restore_id DESC LIMIT ?")
                        .params(Projections.utc(cursor.instant(0)), cursor.text(1), limit + 1)
                        .query(RestoreQueries::view).list();
        return Page.of(rows, limit, view -> Cursor.of(view.requestedAt(), view.restoreId()));
    }

    /**
     * Restores {@code caller} could approve at {@code now}, judged by the same {@link Approvals} rules
     * the aggregate applies, so the list never offers what the aggregate would refuse.
     */
    public Page<RestoreView> pendingFor(Actor caller, Instant now, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        List<RestoreView> open = jdbc.sql("SELECT * FROM restore_view WHERE status = ? "
                        + "AND (CAST(? AS timestamptz) IS NULL OR (approval_deadline, restore_id) > (?, ?)) "
                        + "ORDER BY approval_deadline, restore_id")
                .params(RestoreStatus.AWAITING_APPROVAL.name(),
                        cursor == null ? null : Projections.utc(cursor.instant(0)),
                        cursor == null ? null : Projections.utc(cursor.instant(0)), cursor == null ? "" : cursor.text(1))
                .query(RestoreQueries::view).list().stream()
                .filter(view -> !view.approverRoles().isEmpty())
                .filter(view -> approvalsOf(view).mayBeDecidedBy(caller, now))
                .limit(limit + 1L)
                .toList();
        return Page.of(open, limit, view -> Cursor.of(view.approvalDeadline(), view.restoreId()));
    }

    private static Approvals approvalsOf(RestoreView view) {
        var policy = new ApprovalPolicy(view.requiredApprovals(), Set.copyOf(view.approverRoles()), view.fourEyes(),
                // Only positivity matters here: the deadline is already fixed in the view.
                Duration.ofSeconds(1));
        List<ApprovalDecision> decisions = view.approvedBy().stream()
                .map(id -> new ApprovalDecision(id, id, true, null, view.updatedAt()))
                .toList();
        return new Approvals(policy, view.requestedById(), view.approvalDeadline(), decisions, ApprovalStatus.PENDING);
    }

    private static RestoreView view(ResultSet row, int rowNumber) throws SQLException {
        return new RestoreView(row.getString("restore_id"), row.getString("run_id"), row.getString("target_id"),
                row.getString("destination_kind"), row.getString("destination_name"), row.getString("status"),
                row.getString("requested_by_id"), row.getString("requested_by_name"),
                instant(row.getTimestamp("requested_at")), row.getInt("required_approvals"),
                strings(row.getArray("approver_roles")), row.getBoolean("four_eyes"),
                instant(row.getTimestamp("approval_deadline")), strings(row.getArray("approved_by")),
                row.getString("safety_run_id"), row.getString("outcome_detail"),
                instant(row.getTimestamp("updated_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
