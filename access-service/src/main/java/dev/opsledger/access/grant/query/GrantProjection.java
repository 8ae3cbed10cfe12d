package dev.opsledger.access.grant.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.access.grant.api.AccessTaskRequested;
import dev.opsledger.access.grant.api.BreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.BreakGlassReviewed;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantDeprovisioningFailed;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantEnding;
import dev.opsledger.access.grant.api.GrantExtended;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.GrantProvisioningFailed;
import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.platform.query.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Maintains {@code grant_view}, which is also the grant history: rows are never deleted, and each
 * says from when until when the access was effective, which answers "who had access at T".
 */
@Component
@ProcessingGroup(GrantProjection.PROCESSING_GROUP)
public class GrantProjection {

    public static final String PROCESSING_GROUP = "grant-view";

    private final JdbcClient jdbc;

    GrantProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GrantOpened event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO grant_view (grant_id, request_id, resource_id, target_kind, target_name, user_id,
                            user_name, status, break_glass, justification, approvers, opened_at, review_status,
                            review_deadline, reviewer_roles, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.grantId(), event.requestId(), event.resourceId(), event.target().kind().name(),
                        event.target().name(), event.userId(), event.userName(), GrantStatus.PROVISIONING.name(),
                        event.breakGlass(), event.justification(), event.approvers().toArray(String[]::new),
                        utc(event.openedAt()), event.breakGlass() ? "PENDING" : null, utc(event.reviewDeadline()),
                        event.reviewerRoles().stream().sorted().toArray(String[]::new), utc(at))
                .update();
    }

    @EventHandler
    void on(GrantActivated event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE grant_view SET status = ?, activated_at = ?, expires_at = ?, last_failure = NULL,
                            pending_task_request = NULL, retry_at = NULL, updated_at = ?
                        WHERE grant_id = ?""")
                .params(GrantStatus.ACTIVE.name(), utc(event.activatedAt()), utc(event.expiresAt()), utc(at),
                        event.grantId())
                .update();
    }

    @EventHandler
    void on(AccessTaskRequested event, @Timestamp Instant at) {
        jdbc.sql("UPDATE grant_view SET pending_task_request = ?, retry_at = NULL, updated_at = ? WHERE grant_id = ?")
                .params(event.requestId(), utc(at), event.grantId())
                .update();
    }

    @EventHandler
    void on(GrantProvisioningFailed event, @Timestamp Instant at) {
        failed(event.grantId(), GrantStatus.PROVISION_FAILED, event.reason(), event.retryAt(), at);
    }

    @EventHandler
    void on(GrantExtended event, @Timestamp Instant at) {
        jdbc.sql("UPDATE grant_view SET expires_at = ?, updated_at = ? WHERE grant_id = ?")
                .params(utc(event.expiresAt()), utc(at), event.grantId())
                .update();
    }

    @EventHandler
    void on(GrantEnding event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE grant_view SET status = ?, end_reason = ?, ended_by = ?, end_comment = ?,
                            pending_task_request = NULL, retry_at = NULL, updated_at = ?
                        WHERE grant_id = ?""")
                .params(GrantStatus.DEPROVISIONING.name(), event.reason().name(), event.endedBy().name(),
                        event.comment(), utc(at), event.grantId())
                .update();
    }

    @EventHandler
    void on(GrantDeprovisioningFailed event, @Timestamp Instant at) {
        failed(event.grantId(), GrantStatus.DEPROVISION_FAILED, event.reason(), event.retryAt(), at);
    }

    @EventHandler
    void on(GrantEnded event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE grant_view SET status = ?, ended_at = ?, effective_until = ?, last_failure = NULL,
                            pending_task_request = NULL, retry_at = NULL, updated_at = ?
                        WHERE grant_id = ?""")
                .params(event.reason().status().name(), utc(event.endedAt()), utc(event.effectiveUntil()), utc(at),
                        event.grantId())
                .update();
    }

    @EventHandler
    void on(BreakGlassReviewed event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE grant_view SET review_status = ?, reviewed_by = ?, review_comment = ?, updated_at = ?
                        WHERE grant_id = ?""")
                .params(event.justified() ? "JUSTIFIED" : "UNJUSTIFIED", event.reviewer().name(), event.comment(),
                        utc(at), event.grantId())
                .update();
    }

    @EventHandler
    void on(BreakGlassReviewOverdue event, @Timestamp Instant at) {
        jdbc.sql("UPDATE grant_view SET review_status = 'OVERDUE', updated_at = ? WHERE grant_id = ?")
                .params(utc(at), event.grantId())
                .update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "grant_view");
    }

    private void failed(String grantId, GrantStatus status, String reason, Instant retryAt, Instant at) {
        jdbc.sql("""
                        UPDATE grant_view SET status = ?, last_failure = ?, pending_task_request = NULL, retry_at = ?,
                            updated_at = ?
                        WHERE grant_id = ?""")
                .params(status.name(), reason, utc(retryAt), utc(at), grantId)
                .update();
    }
}
