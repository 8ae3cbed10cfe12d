package dev.opsledger.automation.run.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.automation.run.api.ApproveRun;
import dev.opsledger.automation.run.api.ExpireRunApproval;
import dev.opsledger.automation.run.api.RejectRun;
import dev.opsledger.automation.run.api.RunApprovalExpired;
import dev.opsledger.automation.run.api.RunApprovalGiven;
import dev.opsledger.automation.run.api.RunApproved;
import dev.opsledger.automation.run.api.RunAwaitingApproval;
import dev.opsledger.automation.run.api.RunCancelled;
import dev.opsledger.automation.run.api.RunQueued;
import dev.opsledger.automation.run.api.RunRef;
import dev.opsledger.automation.run.api.RunRejected;
import dev.opsledger.automation.task.api.Concurrency;
import dev.opsledger.platform.approval.ApprovalDecision;
import dev.opsledger.platform.approval.ApprovalStatus;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The approval record of a run, an entity of {@link TaskRun}. Every vote names the digest of the
 * inputs it approves; an approver may send the digest they looked at, and a different one is
 * refused. The rules themselves (four eyes, roles, deadline, one vote each) are the platform's
 * {@link Approvals}.
 */
class RunApproval {

    private RunRef ref;
    private Concurrency concurrency;
    private String digest;
    private Approvals approvals;
    private boolean cancelled;

    @CommandHandler
    void handle(ApproveRun command, Clock clock) {
        Instant now = clock.instant();
        Approvals next = open().approve(command.approver(), command.comment(), now);
        if (command.digest() != null && !command.digest().equals(digest)) {
            throw BusinessRuleViolation.conflict(TaskRun.DIGEST_MISMATCH, "The run's inputs are " + digest
                    + ", not the " + command.digest() + " you looked at");
        }
        apply(new RunApprovalGiven(ref, command.approver(), command.comment(), now, digest,
                next.approvalsStillNeeded()));
        if (next.isApproved()) {
            apply(new RunApproved(ref, digest, next.decisions().stream().map(ApprovalDecision::approverName).toList()));
            apply(new RunQueued(ref, concurrency, now));
        }
    }

    @CommandHandler
    void handle(RejectRun command, Clock clock) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw BusinessRuleViolation.unprocessable(TaskRun.REASON_REQUIRED, "A rejection needs a reason");
        }
        Instant now = clock.instant();
        open().reject(command.approver(), command.reason(), now);
        apply(new RunRejected(ref, command.approver(), command.reason(), now));
    }

    @CommandHandler
    void handle(ExpireRunApproval command, Clock clock) {
        open().expire(clock.instant());
        apply(new RunApprovalExpired(ref, approvals.deadline()));
    }

    /** The digest approved, or null while (or if never) approved. */
    String approvedDigest() {
        return approvals != null && approvals.isApproved() ? digest : null;
    }

    private Approvals open() {
        if (approvals == null || cancelled) {
            throw BusinessRuleViolation.conflict(Approvals.CLOSED, "This run is not awaiting approval");
        }
        return approvals;
    }

    @EventSourcingHandler
    void on(RunAwaitingApproval event) {
        ref = event.ref();
        concurrency = event.concurrency();
        digest = event.digest();
        approvals = new Approvals(event.policy(), event.requesterId(), event.deadline(), List.of(),
                ApprovalStatus.PENDING);
    }

    @EventSourcingHandler
    void on(RunApprovalGiven event) {
        approvals = approvals.recordApproval(event.approver().id(), event.approver().name(), event.comment(),
                event.approvedAt());
    }

    @EventSourcingHandler
    void on(RunRejected event) {
        approvals = approvals.recordRejection(event.rejectedBy().id(), event.rejectedBy().name(), event.reason(),
                event.rejectedAt());
    }

    @EventSourcingHandler
    void on(RunApprovalExpired event) {
        approvals = approvals.recordExpiry();
    }

    @EventSourcingHandler
    void on(RunCancelled event) {
        cancelled = true;
    }
}
