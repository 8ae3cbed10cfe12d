package dev.opsledger.access.request.query;

import static dev.opsledger.platform.query.Projections.instant;
import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.access.request.api.AccessRequestStatus;
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
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code access_request_view}. */
@Component
public class AccessRequestQueries {

    private final JdbcClient jdbc;

    AccessRequestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccessRequestView> find(String requestId) {
        return jdbc.sql("SELECT * FROM access_request_view WHERE request_id = ?").param(requestId)
                .query(AccessRequestQueries::view).optional();
    }

    /** Newest first; {@code requesterId} null for everyone's. */
    public Page<AccessRequestView> list(String requesterId, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        StringBuilder sql = new StringBuilder("SELECT * FROM access_request_view WHERE TRUE");
        var params = new ArrayList<Object>();
        if (requesterId != null) {
            sql.append(" AND requester_id = ?");
            params.add(requesterId);
        }
        if (cursor != null) {
            sql.append(" AND (requested_at, request_id) < (?, ?)");
            params.add(utc(cursor.instant(0)));
            params.add(cursor.text(1));
        }
        sql.append(" ORDER BY requested_at DESC, request_id DESC LIMIT ?");
        params.add(limit + 1);
        return Page.of(jdbc.sql(sql.toString()).params(params).query(AccessRequestQueries::view).list(), limit,
                v -> Cursor.of(v.requestedAt(), v.requestId()));
    }

    /**
     * Requests {@code caller} could decide at {@code now}, judged by the same {@link Approvals}
     * rules the aggregate applies (role, four eyes, deadline, one vote each), soonest deadline first.
     */
    public Page<AccessRequestView> pendingFor(Actor caller, Instant now, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        var rows = cursor == null
                ? jdbc.sql("SELECT * FROM access_request_view WHERE status = ? AND deadline > ? "
                        + "ORDER BY deadline, request_id").params(AccessRequestStatus.AWAITING_APPROVAL.name(), utc(now))
                : jdbc.sql("SELECT * FROM access_request_view WHERE status = ? AND deadline > ? "
                        + "AND (deadline, request_id) > (?, ?) ORDER BY deadline, request_id")
                        .params(AccessRequestStatus.AWAITING_APPROVAL.name(), utc(now), utc(cursor.instant(0)),
                                cursor.text(1));
        List<AccessRequestView> decidable = rows.query(AccessRequestQueries::view).list().stream()
                .filter(view -> approvalsOf(view).mayBeDecidedBy(caller, now))
                .limit(limit + 1L)
                .toList();
        return Page.of(decidable, limit, v -> Cursor.of(v.deadline(), v.requestId()));
    }

    private static Approvals approvalsOf(AccessRequestView view) {
        var policy = new ApprovalPolicy(view.requiredApprovals(), Set.copyOf(view.approverRoles()), view.fourEyes(),
                // Only positivity matters here: the deadline is already fixed in the view.
                Duration.ofSeconds(1));
        List<ApprovalDecision> decisions = view.approvedBy().stream()
                .map(id -> new ApprovalDecision(id, id, true, null, view.updatedAt()))
                .toList();
        return new Approvals(policy, view.requesterId(), view.deadline(), decisions, ApprovalStatus.PENDING);
    }

    private static AccessRequestView view(ResultSet row, int rowNumber) throws SQLException {
        return new AccessRequestView(row.getString("request_id"), row.getString("grant_id"),
                row.getBoolean("extension"), row.getString("resource_id"), row.getString("resource_name"),
                row.getString("requester_id"), row.getString("requester_name"), row.getString("justification"),
                Duration.ofSeconds(row.getLong("duration_s")), row.getString("status"),
                instant(row.getTimestamp("requested_at")), instant(row.getTimestamp("deadline")),
                row.getInt("required_approvals"), strings(row.getArray("approver_roles")),
                row.getBoolean("four_eyes"), strings(row.getArray("approved_by")),
                strings(row.getArray("approved_by_names")), row.getString("outcome_by"),
                row.getString("outcome_detail"), instant(row.getTimestamp("updated_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
