package dev.opsledger.platform.approval;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The approval record kept inside an aggregate: the policy it started with, who asked, the
 * deadline, and every decision so far. Immutable.
 *
 * <p>Command handlers call {@link #approve}, {@link #reject} and {@link #expire}, which check the
 * rules and throw {@link BusinessRuleViolation} before anything is applied. Event-sourcing
 * handlers call the {@code record…} methods, which replay history without judging it again, so a
 * later rule change never makes an old stream unreadable.
 */
public record Approvals(ApprovalPolicy policy, String requesterId, Instant deadline,
                        List<ApprovalDecision> decisions, ApprovalStatus status) {

    public static final String CLOSED = "approval.closed";
    public static final String DEADLINE_PASSED = "approval.deadline-passed";
    public static final String SELF_APPROVAL = "approval.self-approval";
    public static final String ROLE_NOT_ALLOWED = "approval.role-not-allowed";
    public static final String ALREADY_DECIDED = "approval.already-decided";
    public static final String NOT_YET_DUE = "approval.not-yet-due";

    public Approvals {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(deadline, "deadline");
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(status, "status");
    }

    /** A new request, open until {@code requestedAt + policy.decisionTimeout()}. */
    public static Approvals open(ApprovalPolicy policy, String requesterId, Instant requestedAt) {
        return new Approvals(policy, requesterId, requestedAt.plus(policy.decisionTimeout()), List.of(),
                ApprovalStatus.PENDING);
    }

    /** Checks that {@code approver} may approve now; returns the record with the approval added. */
    public Approvals approve(Actor approver, String comment, Instant now) {
        checkMayDecide(approver, now);
        return recordApproval(approver.id(), approver.name(), comment, now);
    }

    /** Checks that {@code approver} may decide now; a single rejection ends the request. */
    public Approvals reject(Actor approver, String reason, Instant now) {
        checkMayDecide(approver, now);
        return recordRejection(approver.id(), approver.name(), reason, now);
    }

    /** Ends a request whose deadline has passed without enough approvals. */
    public Approvals expire(Instant now) {
        requireOpen();
        if (now.isBefore(deadline)) {
            throw BusinessRuleViolation.conflict(NOT_YET_DUE, "The decision deadline " + deadline + " has not passed");
        }
        return recordExpiry();
    }

    public Approvals recordApproval(String approverId, String approverName, String comment, Instant at) {
        List<ApprovalDecision> next = new ArrayList<>(decisions);
        next.add(new ApprovalDecision(approverId, approverName, true, comment, at));
        long approvals = next.stream().filter(ApprovalDecision::approved).count();
        ApprovalStatus nextStatus = approvals >= policy.requiredApprovals() ? ApprovalStatus.APPROVED : status;
        return new Approvals(policy, requesterId, deadline, next, nextStatus);
    }

    public Approvals recordRejection(String approverId, String approverName, String reason, Instant at) {
        List<ApprovalDecision> next = new ArrayList<>(decisions);
        next.add(new ApprovalDecision(approverId, approverName, false, reason, at));
        return new Approvals(policy, requesterId, deadline, next, ApprovalStatus.REJECTED);
    }

    public Approvals recordExpiry() {
        return new Approvals(policy, requesterId, deadline, decisions, ApprovalStatus.EXPIRED);
    }

    public boolean isApproved() {
        return status == ApprovalStatus.APPROVED;
    }

    public int approvalsStillNeeded() {
        long given = decisions.stream().filter(ApprovalDecision::approved).count();
        return (int) Math.max(0, policy.requiredApprovals() - given);
    }

    /** Whether {@code candidate} could approve now: used by "pending for me" queries. */
    public boolean mayBeDecidedBy(Actor candidate, Instant now) {
        try {
            checkMayDecide(candidate, now);
            return true;
        } catch (BusinessRuleViolation notAllowed) {
            return false;
        }
    }

    private void checkMayDecide(Actor approver, Instant now) {
        requireOpen();
        if (!now.isBefore(deadline)) {
            throw BusinessRuleViolation.unprocessable(DEADLINE_PASSED,
                    "The decision deadline " + deadline + " has passed");
        }
        if (policy.fourEyes() && approver.id().equals(requesterId)) {
            throw BusinessRuleViolation.forbidden(SELF_APPROVAL, "Nobody may approve their own request");
        }
        if (!approver.hasAnyRole(policy.approverRoles())) {
            throw BusinessRuleViolation.forbidden(ROLE_NOT_ALLOWED,
                    "Approving needs one of the roles " + policy.approverRoles());
        }
        if (decisions.stream().anyMatch(d -> d.approverId().equals(approver.id()))) {
            throw BusinessRuleViolation.conflict(ALREADY_DECIDED, approver.name() + " has already decided");
        }
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw BusinessRuleViolation.conflict(CLOSED, "The approval request is already " + status);
        }
    }
}
