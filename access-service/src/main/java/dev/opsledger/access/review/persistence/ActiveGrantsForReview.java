package dev.opsledger.access.review.persistence;

import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.review.api.ReviewItem;
import dev.opsledger.access.review.command.ReviewableGrants;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the active grants from {@code grant_view}. A grant activated a moment ago may be missing
 * while the projection catches up; the next campaign asks about it.
 */
@Component
class ActiveGrantsForReview implements ReviewableGrants {

    private final JdbcClient jdbc;

    ActiveGrantsForReview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ReviewItem> activeGrants(String resourceId) {
        return jdbc.sql("""
                        SELECT grant_id, resource_id, user_id, user_name FROM grant_view
                        WHERE status = :status AND (CAST(:resource AS TEXT) IS NULL OR resource_id = :resource)
                        ORDER BY resource_id, activated_at, grant_id""")
                .param("status", GrantStatus.ACTIVE.name())
                .param("resource", resourceId)
                .query((row, n) -> new ReviewItem(row.getString("grant_id"), row.getString("resource_id"),
                        row.getString("user_id"), row.getString("user_name")))
                .list();
    }
}
