package dev.opsledger.access.review.query;

import static dev.opsledger.platform.query.Projections.instant;
import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code access_review_view} and its items. */
@Component
public class AccessReviewQueries {

    private final JdbcClient jdbc;

    AccessReviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign with every item, in the order they were opened. */
    public Optional<AccessReviewView> find(String reviewId) {
        List<AccessReviewView.Item> items = jdbc.sql("""
                        SELECT * FROM access_review_item_view WHERE review_id = ? ORDER BY resource_id, grant_id""")
                .param(reviewId).query(AccessReviewQueries::item).list();
        return jdbc.sql("SELECT * FROM access_review_view WHERE review_id = ?").param(reviewId)
                .query((row, n) -> view(row, items)).optional();
    }

    /** Newest first, without items. */
    public Page<AccessReviewView> list(int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        var rows = cursor == null
                ? jdbc.sql("SELECT * FROM access_review_view ORDER BY opened_at DESC, review_id DESC LIMIT ?")
                .param(limit + 1)
                : jdbc.sql("""
                        SELECT * FROM access_review_view WHERE (opened_at, review_id) < (?, ?)
                        ORDER BY opened_at DESC, review_id DESC LIMIT ?""")
                .params(utc(cursor.instant(0)), cursor.text(1), limit + 1);
        return Page.of(rows.query((row, n) -> view(row, List.of())).list(), limit,
                v -> Cursor.of(v.openedAt(), v.reviewId()));
    }

    /** Undecided items of open campaigns whose deadline is ahead, with the campaign's reviewer roles. */
    public List<OpenItem> openItems() {
        return jdbc.sql("""
                        SELECT r.review_id, r.name, r.reviewer_roles, r.deadline, i.grant_id, i.resource_id, i.user_id,
                            i.user_name
                        FROM access_review_item_view i JOIN access_review_view r USING (review_id)
                        WHERE r.status = 'OPEN' AND i.decision IS NULL""")
                .query((row, n) -> new OpenItem(row.getString("review_id"), row.getString("name"),
                        strings(row.getArray("reviewer_roles")), instant(row.getTimestamp("deadline")),
                        row.getString("grant_id"), row.getString("resource_id"), row.getString("user_id"),
                        row.getString("user_name")))
                .list();
    }

    /** An item a reviewer may still decide. */
    public record OpenItem(String reviewId, String reviewName, List<String> reviewerRoles, Instant deadline,
                           String grantId, String resourceId, String userId, String userName) {
    }

    private static AccessReviewView view(ResultSet row, List<AccessReviewView.Item> items) throws SQLException {
        return new AccessReviewView(row.getString("review_id"), row.getString("name"), row.getString("resource_id"),
                strings(row.getArray("reviewer_roles")), instant(row.getTimestamp("deadline")),
                row.getString("status"), row.getString("opened_by"), instant(row.getTimestamp("opened_at")),
                instant(row.getTimestamp("closed_at")), items);
    }

    private static AccessReviewView.Item item(ResultSet row, int n) throws SQLException {
        return new AccessReviewView.Item(row.getString("grant_id"), row.getString("resource_id"),
                row.getString("user_id"), row.getString("user_name"), row.getString("decision"),
                row.getString("decided_by"), row.getString("comment"), instant(row.getTimestamp("decided_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
