package dev.opsledger.access.grant.query;

import static dev.opsledger.platform.query.Projections.instant;
import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code grant_view}: current grants, and the grant history behind "who had access at T". */
@Component
public class GrantQueries {

    private final JdbcClient jdbc;

    GrantQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<GrantView> find(String grantId) {
        return jdbc.sql("SELECT * FROM grant_view WHERE grant_id = ?").param(grantId).query(GrantQueries::view)
                .optional();
    }

    /** Newest first; each filter {@code null} for any. */
    public Page<GrantView> list(String userId, String resourceId, String status, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        StringBuilder sql = new StringBuilder("SELECT * FROM grant_view WHERE TRUE");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "user_id", userId);
        filter(sql, params, "resource_id", resourceId);
        filter(sql, params, "status", status);
        if (cursor != null) {
            sql.append(" AND (opened_at, grant_id) < (?, ?)");
            params.add(utc(cursor.instant(0)));
            params.add(cursor.text(1));
        }
        sql.append(" ORDER BY opened_at DESC, grant_id DESC LIMIT ?");
        params.add(limit + 1);
        return Page.of(jdbc.sql(sql.toString()).params(params).query(GrantQueries::view).list(), limit,
                v -> Cursor.of(v.openedAt(), v.grantId()));
    }

    /**
     * Who had access to {@code resourceId} at {@code at}: grants activated by then whose access was
     * still effective (not ended, or ended with tokens still valid after {@code at}). A grant whose
     * membership is being removed, or failed to be, still counts: Keycloak may still have it.
     */
    public Page<GrantView> membersAt(String resourceId, Instant at, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        var spec = cursor == null
                ? jdbc.sql("""
                        SELECT * FROM grant_view WHERE resource_id = ? AND activated_at <= ?
                            AND (effective_until IS NULL OR effective_until > ?)
                        ORDER BY activated_at, grant_id LIMIT ?""")
                .params(resourceId, utc(at), utc(at), limit + 1)
                : jdbc.sql("""
                        SELECT * FROM grant_view WHERE resource_id = ? AND activated_at <= ?
                            AND (effective_until IS NULL OR effective_until > ?) AND (activated_at, grant_id) > (?, ?)
                        ORDER BY activated_at, grant_id LIMIT ?""")
                .params(resourceId, utc(at), utc(at), utc(cursor.instant(0)), cursor.text(1), limit + 1);
        return Page.of(spec.query(GrantQueries::view).list(), limit, v -> Cursor.of(v.activatedAt(), v.grantId()));
    }

    /** Break-glass grants whose review is still due: who may review them is checked by the caller. */
    public List<PendingBreakGlassReview> pendingBreakGlassReviews(Instant now) {
        return jdbc.sql("""
                        SELECT grant_id, resource_id, user_id, user_name, justification, reviewer_roles, review_deadline
                        FROM grant_view WHERE break_glass AND review_status = 'PENDING' AND review_deadline > ?""")
                .param(utc(now))
                .query((row, n) -> new PendingBreakGlassReview(row.getString("grant_id"), row.getString("resource_id"),
                        row.getString("user_id"), row.getString("user_name"), row.getString("justification"),
                        strings(row.getArray("reviewer_roles")), instant(row.getTimestamp("review_deadline"))))
                .list();
    }

    /** Break-glass access awaiting its review by one of {@code reviewerRoles}. */
    public record PendingBreakGlassReview(String grantId, String resourceId, String userId, String userName,
                                         String justification, List<String> reviewerRoles, Instant deadline) {
    }

    private static void filter(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static GrantView view(ResultSet row, int rowNumber) throws SQLException {
        return new GrantView(row.getString("grant_id"), row.getString("request_id"), row.getString("resource_id"),
                row.getString("target_kind"), row.getString("target_name"), row.getString("user_id"),
                row.getString("user_name"), row.getString("status"), row.getBoolean("break_glass"),
                row.getString("justification"), strings(row.getArray("approvers")),
                instant(row.getTimestamp("opened_at")), instant(row.getTimestamp("activated_at")),
                instant(row.getTimestamp("expires_at")), instant(row.getTimestamp("ended_at")),
                instant(row.getTimestamp("effective_until")), row.getString("end_reason"), row.getString("ended_by"),
                row.getString("end_comment"), row.getString("last_failure"), row.getString("review_status"),
                instant(row.getTimestamp("review_deadline")), row.getString("reviewed_by"),
                row.getString("review_comment"), row.getString("pending_task_request"),
                instant(row.getTimestamp("retry_at")), instant(row.getTimestamp("updated_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
