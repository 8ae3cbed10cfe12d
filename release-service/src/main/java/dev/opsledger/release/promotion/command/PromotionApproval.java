package dev.opsledger.release.promotion.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.platform.approval.ApprovalDecision;
import dev.opsledger.platform.approval.ApprovalStatus;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.promotion.api.ApprovePromotion;
import dev.opsledger.release.promotion.api.ExpirePromotion;
import dev.opsledger.release.promotion.api.PromotionApprovalGiven;
import dev.opsledger.release.promotion.api.PromotionApproved;
import dev.opsledger.release.promotion.api.PromotionAwaitingApproval;
import dev.opsledger.release.promotion.api.PromotionCancelled;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.promotion.api.PromotionExpired;
import dev.opsledger.release.promotion.api.PromotionRejected;
import dev.opsledger.release.promotion.api.PromotionTarget;
import dev.opsledger.release.promotion.api.RejectPromotion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The approval record of a promotion, an entity of {@link Promotion}. The rules themselves (four
 * eyes, roles, deadline, one vote each) are the platform's {@link Approvals}; this entity only
 * turns its decisions into events. Open from "awaiting approval" until decided, expired or
 * cancelled.
 */
class PromotionApproval {

    private String promotionId;
    private PromotionTarget target;
    private Approvals approvals;
    private boolean cancelled;

    @CommandHandler
    void handle(ApprovePromotion command, Clock clock) {
        Instant now = clock.instant();
        Approvals next = open().approve(command.approver(), command.comment(), now);
        apply(new PromotionApprovalGiven(promotionId, target, command.approver(), command.comment(), now,
                next.approvalsStillNeeded()));
        if (next.isApproved()) {
            apply(new PromotionApproved(promotionId, target,
                    next.decisions().stream().map(ApprovalDecision::approverName).toList()));
        }
    }

    @CommandHandler
    void handle(RejectPromotion command, Clock clock) {
        Instant now = clock.instant();
        PromotionErrors.requireText(command.reason(), PromotionCodes.REASON_REQUIRED, "A rejection needs a reason");
        open().reject(command.approver(), command.reason(), now);
        apply(new PromotionRejected(promotionId, target, command.approver(), command.reason(), now));
    }

    @CommandHandler
    void handle(ExpirePromotion command, Clock clock) {
        open().expire(clock.instant());
        apply(new PromotionExpired(promotionId, target, approvals.deadline()));
    }

    private Approvals open() {
        if (approvals == null || cancelled) {
            throw BusinessRuleViolation.conflict(Approvals.CLOSED, "This promotion is not awaiting approval");
        }
        return approvals;
    }

    @EventSourcingHandler
    void on(PromotionAwaitingApproval event) {
        promotionId = event.promotionId();
        target = event.target();
        approvals = new Approvals(event.policy(), event.requesterId(), event.deadline(), List.of(),
                ApprovalStatus.PENDING);
    }

    @EventSourcingHandler
    void on(PromotionApprovalGiven event) {
        approvals = approvals.recordApproval(event.approver().id(), event.approver().name(), event.comment(),
                event.approvedAt());
    }

    @EventSourcingHandler
    void on(PromotionRejected event) {
        approvals = approvals.recordRejection(event.rejectedBy().id(), event.rejectedBy().name(), event.reason(),
                event.rejectedAt());
    }

    @EventSourcingHandler
    void on(PromotionExpired event) {
        approvals = approvals.recordExpiry();
    }

    @EventSourcingHandler
    void on(PromotionCancelled event) {
        cancelled = true;
    }
}
