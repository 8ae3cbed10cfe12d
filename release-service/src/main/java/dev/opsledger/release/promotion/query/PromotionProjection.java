package dev.opsledger.release.promotion.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.platform.query.Projections;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.release.promotion.api.FreezeOverridden;
import dev.opsledger.release.promotion.api.PromotionApprovalGiven;
import dev.opsledger.release.promotion.api.PromotionAwaitingApproval;
import dev.opsledger.release.promotion.api.PromotionBackupTaken;
import dev.opsledger.release.promotion.api.PromotionDeployRunRecorded;
import dev.opsledger.release.promotion.api.PromotionBackupFailed;
import dev.opsledger.release.promotion.api.DeployTaskSucceeded;
import dev.opsledger.release.promotion.api.DeployTaskFailed;
import dev.opsledger.release.promotion.api.PromotionEnded;
import dev.opsledger.release.promotion.api.PromotionRequested;
import dev.opsledger.release.promotion.api.PromotionStatus;
import dev.opsledger.release.promotion.api.PromotionStep;
import dev.opsledger.release.promotion.api.PromotionTarget;
import dev.opsledger.release.promotion.api.PromotionWaitingForWindow;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Maintains {@code promotion_view}, the {@code environment_board} (what runs where) and the
 * append-only {@code deployment_ledger}. One processing group, so the three never disagree
 * about the order of a promotion's events.
 */
@Component
@ProcessingGroup(PromotionProjection.PROCESSING_GROUP)
class PromotionProjection {

    static final String PROCESSING_GROUP = "promotion-view";

    private final JdbcClient jdbc;

    PromotionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PromotionRequested event, @Timestamp Instant at) {
        PromotionTarget target = event.target();
        var policy = event.rules().approvalPolicy();
        jdbc.sql("""
                        INSERT INTO promotion_view (promotion_id, application_id, release_id, version, environment,
                            status, lifecycle_version, requested_by_id, requested_by_name, requested_at, rollback_of, reason,
                            required_approvals, approver_roles, four_eyes, decision_timeout_s, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.promotionId(), target.applicationId(), target.releaseId(), target.version(),
                        target.environment(), event.status().name(), event.lifecycleVersion(),
                        event.requestedBy().id(), event.requestedBy().name(), utc(event.requestedAt()),
                        event.rollbackOf(), event.reason(),
                        policy == null ? null : policy.requiredApprovals(),
                        policy == null ? null : policy.approverRoles().stream().sorted().toArray(String[]::new),
                        policy == null ? null : policy.fourEyes(),
                        policy == null ? null : policy.decisionTimeout().toSeconds(), utc(at))
                .update();
    }

    @EventHandler
    void on(PromotionAwaitingApproval event, @Timestamp Instant at) {
        jdbc.sql("UPDATE promotion_view SET status = ?, approval_deadline = ?, updated_at = ? WHERE promotion_id = ?")
                .params(event.status().name(), utc(event.deadline()), utc(at), event.promotionId())
                .update();
    }

    @EventHandler
    void on(PromotionApprovalGiven event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE promotion_view SET approved_by = array_append(approved_by, ?),
                            approved_by_names = array_append(approved_by_names, ?), updated_at = ?
                        WHERE promotion_id = ?""")
                .params(event.approver().id(), event.approver().name(), utc(at), event.promotionId())
                .update();
    }

    @EventHandler
    void on(FreezeOverridden event, @Timestamp Instant at) {
        jdbc.sql("UPDATE promotion_view SET freeze_overridden = TRUE, updated_at = ? WHERE promotion_id = ?")
                .params(utc(at), event.promotionId())
                .update();
    }

    @EventHandler
    void on(PromotionWaitingForWindow event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE promotion_view SET status = ?, waiting_until = ?, wait_reason = ?, updated_at = ?
                        WHERE promotion_id = ?""")
                .params(event.status().name(), utc(event.until()), event.reason().name(), utc(at),
                        event.promotionId())
                .update();
    }

    /** The steps that change nothing but the state (approved, deploying). */
    /** Every step moves the status; those that name another service's run record it too. */
    @EventHandler
    void on(PromotionStep event, @Timestamp Instant at) {
        status(event.promotionId(), event.status(), at);
        switch (event) {
            case PromotionBackupTaken e -> jdbc.sql(
                            "UPDATE promotion_view SET backup_run_id = ?, backup_sha256 = ? WHERE promotion_id = ?")
                    .params(e.backupRunId(), e.sha256(), e.promotionId()).update();
            case PromotionDeployRunRecorded e -> jdbc.sql(
                            "UPDATE promotion_view SET deploy_run_id = ? WHERE promotion_id = ?")
                    .params(e.runId(), e.promotionId()).update();
            default -> {
                // The status says it all.
            }
        }
    }

    @EventHandler
    void on(PromotionEnded event, EventMessage<?> message) {
        Instant at = message.getTimestamp();
        Actor by = event.endedBy();
        ended(event.promotionId(), event.status(), by, event.detail(), at);
        switch (event) {
            case PromotionBackupFailed e when e.backupRunId() != null -> jdbc.sql(
                            "UPDATE promotion_view SET backup_run_id = ? WHERE promotion_id = ?")
                    .params(e.backupRunId(), e.promotionId()).update();
            case DeployTaskSucceeded e -> deployRun(e.promotionId(), e.runId());
            case DeployTaskFailed e when e.runId() != null -> deployRun(e.promotionId(), e.runId());
            default -> {
                // Ended without another service's run.
            }
        }
        PromotionTarget target = event.target();
        if (event.status() == PromotionStatus.DEPLOYED) {
            jdbc.sql("""
                            INSERT INTO environment_board (application_id, environment, release_id, version,
                                                           promotion_id, deployed_at)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (application_id, environment) DO UPDATE SET release_id = EXCLUDED.release_id,
                                version = EXCLUDED.version, promotion_id = EXCLUDED.promotion_id,
                                deployed_at = EXCLUDED.deployed_at""")
                    .params(target.applicationId(), target.environment(), target.releaseId(), target.version(),
                            event.promotionId(), utc(at))
                    .update();
        }
        if (event.status().isDeploymentOutcome()) {
            ledger(message, event.promotionId(), target, event.status(), by, event.detail());
        }
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "promotion_view", "environment_board", "deployment_ledger");
    }

    private void ledger(EventMessage<?> message, String promotionId, PromotionTarget target, PromotionStatus outcome,
                        Actor recordedBy, String detail) {
        jdbc.sql("""
                        INSERT INTO deployment_ledger (event_id, application_id, environment, promotion_id, release_id,
                            version, outcome, recorded_by_id, recorded_by, detail, rollback_of, recorded_at)
                        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                               (SELECT rollback_of FROM promotion_view WHERE promotion_id = ?), ?""")
                .params(message.getIdentifier(), target.applicationId(), target.environment(), promotionId,
                        target.releaseId(), target.version(), outcome.name(), recordedBy.id(), recordedBy.name(),
                        detail, promotionId, utc(message.getTimestamp()))
                .update();
    }

    private void deployRun(String promotionId, String runId) {
        jdbc.sql("UPDATE promotion_view SET deploy_run_id = ? WHERE promotion_id = ?").params(runId, promotionId)
                .update();
    }

    private void status(String promotionId, PromotionStatus status, Instant at) {
        jdbc.sql("UPDATE promotion_view SET status = ?, updated_at = ? WHERE promotion_id = ?")
                .params(status.name(), utc(at), promotionId)
                .update();
    }

    private void ended(String promotionId, PromotionStatus status, Actor by, String detail, Instant at) {
        jdbc.sql("""
                        UPDATE promotion_view SET status = ?, outcome_by_id = ?, outcome_by = ?, outcome_detail = ?,
                            updated_at = ?
                        WHERE promotion_id = ?""")
                .params(status.name(), by == null ? null : by.id(), by == null ? null : by.name(), detail, utc(at),
                        promotionId)
                .update();
    }
}
