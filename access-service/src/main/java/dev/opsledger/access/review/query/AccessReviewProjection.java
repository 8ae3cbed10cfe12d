package dev.opsledger.access.review.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.access.review.api.AccessReviewClosed;
import dev.opsledger.access.review.api.AccessReviewOpened;
import dev.opsledger.access.review.api.ReviewItem;
import dev.opsledger.access.review.api.ReviewItemDecided;
import dev.opsledger.platform.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code access_review_view} and its items: the campaign's report. */
@Component
@ProcessingGroup(AccessReviewProjection.PROCESSING_GROUP)
class AccessReviewProjection {

    static final String PROCESSING_GROUP = "access-review-view";
    static final String UNANSWERED = "UNANSWERED";

    private final JdbcClient jdbc;

    AccessReviewProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessReviewOpened event) {
        jdbc.sql("""
                        INSERT INTO access_review_view (review_id, name, resource_id, reviewer_roles, deadline, status,
                            opened_by, opened_at)
                        VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(event.reviewId(), event.name(), event.resourceId(),
                        event.reviewerRoles().stream().sorted().toArray(String[]::new), utc(event.deadline()),
                        event.openedBy().name(), utc(event.openedAt()))
                .update();
        for (ReviewItem item : event.items()) {
            jdbc.sql("""
                            INSERT INTO access_review_item_view (review_id, grant_id, resource_id, user_id, user_name)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(event.reviewId(), item.grantId(), item.resourceId(), item.userId(), item.userName())
                    .update();
        }
    }

    @EventHandler
    void on(ReviewItemDecided event) {
        jdbc.sql("""
                        UPDATE access_review_item_view SET decision = ?, decided_by = ?, comment = ?, decided_at = ?
                        WHERE review_id = ? AND grant_id = ?""")
                .params(event.decision().name(), event.reviewer().name(), event.comment(), utc(event.decidedAt()),
                        event.reviewId(), event.item().grantId())
                .update();
    }

    @EventHandler
    void on(AccessReviewClosed event) {
        jdbc.sql("UPDATE access_review_view SET status = 'CLOSED', closed_at = ? WHERE review_id = ?")
                .params(utc(event.closedAt()), event.reviewId())
                .update();
        jdbc.sql("""
                        UPDATE access_review_item_view SET decision = ?, decided_at = ?
                        WHERE review_id = ? AND decision IS NULL""")
                .params(UNANSWERED, utc(event.closedAt()), event.reviewId())
                .update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "access_review_item_view", "access_review_view");
    }
}
