package dev.opsledger.access.request.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.access.request.api.AccessRequestApprovalGiven;
import dev.opsledger.access.request.api.AccessRequestApproved;
import dev.opsledger.access.request.api.AccessRequestCancelled;
import dev.opsledger.access.request.api.AccessRequestExpired;
import dev.opsledger.access.request.api.AccessRequestRejected;
import dev.opsledger.access.request.api.AccessRequestStatus;
import dev.opsledger.access.request.api.AccessRequested;
import dev.opsledger.access.request.api.ExtensionApproved;
import dev.opsledger.platform.query.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code access_request_view}. */
@Component
@ProcessingGroup(AccessRequestProjection.PROCESSING_GROUP)
class AccessRequestProjection {

    static final String PROCESSING_GROUP = "access-request-view";

    private final JdbcClient jdbc;

    AccessRequestProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessRequested event, @Timestamp Instant at) {
        var policy = event.policy();
        jdbc.sql("""
                        INSERT INTO access_request_view (request_id, grant_id, extension, resource_id, resource_name,
                            requester_id, requester_name, justification, duration_s, status, requested_at, deadline,
                            required_approvals, approver_roles, four_eyes, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.requestId(), event.grantId(), event.extension(), event.resourceId(),
                        event.resourceName(), event.requester().id(), event.requester().name(), event.justification(),
                        event.duration().toSeconds(), AccessRequestStatus.AWAITING_APPROVAL.name(),
                        utc(event.requestedAt()), utc(event.deadline()), policy.requiredApprovals(),
                        policy.approverRoles().stream().sorted().toArray(String[]::new), policy.fourEyes(), utc(at))
                .update();
    }

    @EventHandler
    void on(AccessRequestApprovalGiven event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE access_request_view SET approved_by = array_append(approved_by, ?),
                            approved_by_names = array_append(approved_by_names, ?), updated_at = ?
                        WHERE request_id = ?""")
                .params(event.approver().id(), event.approver().name(), utc(at), event.requestId())
                .update();
    }

    @EventHandler
    void on(AccessRequestApproved event, @Timestamp Instant at) {
        ended(event.requestId(), AccessRequestStatus.APPROVED, null, null, at);
    }

    @EventHandler
    void on(ExtensionApproved event, @Timestamp Instant at) {
        ended(event.requestId(), AccessRequestStatus.APPROVED, null, null, at);
    }

    @EventHandler
    void on(AccessRequestRejected event, @Timestamp Instant at) {
        ended(event.requestId(), AccessRequestStatus.REJECTED, event.rejectedBy().name(), event.reason(), at);
    }

    @EventHandler
    void on(AccessRequestCancelled event, @Timestamp Instant at) {
        ended(event.requestId(), AccessRequestStatus.CANCELLED, event.cancelledBy().name(), null, at);
    }

    @EventHandler
    void on(AccessRequestExpired event, @Timestamp Instant at) {
        ended(event.requestId(), AccessRequestStatus.EXPIRED, null, "No decision before " + event.deadline(), at);
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "access_request_view");
    }

    private void ended(String requestId, AccessRequestStatus status, String by, String detail, Instant at) {
        jdbc.sql("""
                        UPDATE access_request_view SET status = ?, outcome_by = ?, outcome_detail = ?, updated_at = ?
                        WHERE request_id = ?""")
                .params(status.name(), by, detail, utc(at), requestId)
                .update();
    }
}
