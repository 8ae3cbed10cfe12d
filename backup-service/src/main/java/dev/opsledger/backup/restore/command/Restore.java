package dev.opsledger.backup.restore.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.backup.restore.api.ApproveRestore;
import dev.opsledger.backup.restore.api.CompleteRestore;
import dev.opsledger.backup.restore.api.ExpireRestore;
import dev.opsledger.backup.restore.api.FailRestore;
import dev.opsledger.backup.restore.api.RejectRestore;
import dev.opsledger.backup.restore.api.RequestRestore;
import dev.opsledger.backup.restore.api.RestoreApprovalGiven;
import dev.opsledger.backup.restore.api.RestoreApproved;
import dev.opsledger.backup.restore.api.RestoreAwaitingApproval;
import dev.opsledger.backup.restore.api.RestoreDestination;
import dev.opsledger.backup.restore.api.RestoreExpired;
import dev.opsledger.backup.restore.api.RestoreFailed;
import dev.opsledger.backup.restore.api.RestoreRejected;
import dev.opsledger.backup.restore.api.RestoreRequested;
import dev.opsledger.backup.restore.api.RestoreStarted;
import dev.opsledger.backup.restore.api.RestoreStatus;
import dev.opsledger.backup.restore.api.RestoreSucceeded;
import dev.opsledger.backup.restore.api.StartRestore;
import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.platform.approval.ApprovalDecision;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.approval.ApprovalStatus;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Restoring one backup run: always approved first by the target's policy (four eyes through the
 * platform's {@link Approvals}), then written, and recorded with its outcome. Which runs and
 * destinations are allowed is {@link RestoreRules}'s call.
 */
@Aggregate
public class Restore {

    public static final String NOT_FOUND = "restore.not-found";
    public static final String WRONG_STATE = "restore.wrong-state";
    public static final String REASON_REQUIRED = "restore.reason-required";

    @AggregateIdentifier
    private String restoreId;
    private String runId;
    private BackupJob job;
    private BackupArtifact artifact;
    private RestoreDestination destination;
    private RestoreStatus status;
    private Approvals approvals;

    protected Restore() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Restore(RequestRestore command, RestoreContext context, Clock clock) {
        var run = context.run(command.runId());
        RestoreRules.check(run, command.destination(), context);
        ApprovalPolicy policy = context.approvalFor(run.job().policyId());
        Instant now = clock.instant();
        apply(new RestoreRequested(command.restoreId(), run.runId(), run.job(), run.artifact(),
                command.destination(), command.requestedBy(), now));
        apply(new RestoreAwaitingApproval(command.restoreId(), policy, command.requestedBy().id(),
                now.plus(policy.decisionTimeout())));
    }

    @CommandHandler
    public void handle(ApproveRestore command, Clock clock) {
        Instant now = clock.instant();
        Approvals next = approvals.approve(command.approver(), command.comment(), now);
        apply(new RestoreApprovalGiven(restoreId, command.approver(), command.comment(), now,
                next.approvalsStillNeeded()));
        if (next.isApproved()) {
            apply(new RestoreApproved(restoreId,
                    next.decisions().stream().map(ApprovalDecision::approverName).toList(), now));
        }
    }

    @CommandHandler
    public void handle(RejectRestore command, Clock clock) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw BusinessRuleViolation.unprocessable(REASON_REQUIRED, "A rejection needs a reason");
        }
        Instant now = clock.instant();
        approvals.reject(command.approver(), command.reason(), now);
        apply(new RestoreRejected(restoreId, command.approver(), command.reason(), now));
    }

    @CommandHandler
    public void handle(ExpireRestore command, Clock clock) {
        approvals.expire(clock.instant());
        apply(new RestoreExpired(restoreId, approvals.deadline()));
    }

    @CommandHandler
    public void handle(StartRestore command, Clock clock) {
        require(status == RestoreStatus.APPROVED, "start");
        apply(new RestoreStarted(restoreId, runId, job, artifact, destination, command.safetyRunId(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteRestore command, Clock clock) {
        require(status == RestoreStatus.RESTORING, "succeed");
        apply(new RestoreSucceeded(restoreId, runId, job.targetId(), command.detail(), clock.instant()));
    }

    @CommandHandler
    public void handle(FailRestore command, Clock clock) {
        require(status == RestoreStatus.APPROVED || status == RestoreStatus.RESTORING, "fail");
        apply(new RestoreFailed(restoreId, runId, job.targetId(), command.reason(), clock.instant()));
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw BusinessRuleViolation.conflict(WRONG_STATE, "A restore that is " + status + " cannot " + action);
        }
    }

    @EventSourcingHandler
    void on(RestoreRequested event) {
        restoreId = event.restoreId();
        runId = event.runId();
        job = event.job();
        artifact = event.artifact();
        destination = event.destination();
    }

    @EventSourcingHandler
    void on(RestoreAwaitingApproval event) {
        status = RestoreStatus.AWAITING_APPROVAL;
        approvals = new Approvals(event.policy(), event.requesterId(), event.deadline(), List.of(),
                ApprovalStatus.PENDING);
    }

    @EventSourcingHandler
    void on(RestoreApprovalGiven event) {
        approvals = approvals.recordApproval(event.approver().id(), event.approver().name(), event.comment(),
                event.approvedAt());
    }

    @EventSourcingHandler
    void on(RestoreApproved event) {
        status = RestoreStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(RestoreRejected event) {
        status = RestoreStatus.REJECTED;
        approvals = approvals.recordRejection(event.rejectedBy().id(), event.rejectedBy().name(), event.reason(),
                event.rejectedAt());
    }

    @EventSourcingHandler
    void on(RestoreExpired event) {
        status = RestoreStatus.EXPIRED;
        approvals = approvals.recordExpiry();
    }

    @EventSourcingHandler
    void on(RestoreStarted event) {
        status = RestoreStatus.RESTORING;
    }

    @EventSourcingHandler
    void on(RestoreSucceeded event) {
        status = RestoreStatus.SUCCEEDED;
    }

    @EventSourcingHandler
    void on(RestoreFailed event) {
        status = RestoreStatus.FAILED;
    }
}
