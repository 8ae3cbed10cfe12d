package dev.opsledger.automation.run.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.automation.run.api.CancelRun;
import dev.opsledger.automation.run.api.CompleteRun;
import dev.opsledger.automation.run.api.InterruptRun;
import dev.opsledger.automation.run.api.RequestRun;
import dev.opsledger.automation.run.api.RunApprovalExpired;
import dev.opsledger.automation.run.api.RunAwaitingApproval;
import dev.opsledger.automation.run.api.RunCancelled;
import dev.opsledger.automation.run.api.RunFailed;
import dev.opsledger.automation.run.api.RunInputs;
import dev.opsledger.automation.run.api.RunInterrupted;
import dev.opsledger.automation.run.api.RunQueued;
import dev.opsledger.automation.run.api.RunRef;
import dev.opsledger.automation.run.api.RunRejected;
import dev.opsledger.automation.run.api.RunRequested;
import dev.opsledger.automation.run.api.RunStarted;
import dev.opsledger.automation.run.api.RunStatus;
import dev.opsledger.automation.run.api.RunSucceeded;
import dev.opsledger.automation.run.api.RunTimedOut;
import dev.opsledger.automation.run.api.StartRun;
import dev.opsledger.automation.run.api.TimeOutRun;
import dev.opsledger.automation.run.api.Trigger;
import dev.opsledger.automation.task.api.Concurrency;
import dev.opsledger.automation.task.api.TaskSpec;
import dev.opsledger.automation.task.command.TaskSnapshot;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One run of a task, from request to result. The inputs are fixed when it is requested
 * ({@link RunInputs}); an approval binds to their digest, and {@link StartRun} hands the worker
 * exactly those inputs. Approvals are the {@link RunApproval} entity; parameter rules are the
 * task's {@link TaskSpec}.
 */
@Aggregate
public class TaskRun {

    public static final String NOT_FOUND = "run.not-found";
    public static final String ROLE_NOT_ALLOWED = "run.role-not-allowed";
    public static final String CONCURRENCY_FORBIDDEN = "run.concurrency-forbidden";
    public static final String WRONG_STATE = "run.wrong-state";
    public static final String ALREADY_FINISHED = "run.already-finished";
    public static final String DIGEST_MISMATCH = "run.digest-mismatch";
    public static final String REASON_REQUIRED = "run.reason-required";
    public static final String KEY_TAKEN = "run.idempotency-key-taken";
    static final Set<String> CANCEL_ANY_ROLES = Set.of("automation-admin", "admin");

    @AggregateIdentifier
    private String runId;
    private RunRef ref;
    private RunInputs inputs;
    private String requesterId;
    private RunStatus status;
    private boolean needsApproval;
    @AggregateMember
    private RunApproval approval;

    protected TaskRun() {
        // For Axon: rebuilt from events, or created empty by RequestRun's creation policy.
    }

    /** Creates the run, or answers the existing one: the same idempotency key never makes a second run. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RequestRun command, TaskCatalog catalog, RunClaims claims, Clock clock) {
        if (status != null) {
            // A key is its first requester's: anyone else reusing it would be handed their run as if created.
            if (!requesterId.equals(command.requestedBy().id())) {
                throw BusinessRuleViolation.conflict(KEY_TAKEN, "This idempotency key names another requester's run");
            }
            return runId;
        }
        TaskSnapshot task = catalog.current(command.taskId());
        TaskSpec spec = task.spec();
        if (command.trigger() == Trigger.MANUAL && !command.requestedBy().hasAnyRole(spec.runRoles())) {
            throw BusinessRuleViolation.forbidden(ROLE_NOT_ALLOWED, "Running " + spec.name() + " needs one of "
                    + spec.runRoles());
        }
        RunInputs pinned = RunInputs.of(task.taskId(), task.version(), spec, command.parameters());
        if (spec.concurrency() == Concurrency.FORBID && !claims.claimExclusive(task.taskId(), command.runId())) {
            throw BusinessRuleViolation.conflict(CONCURRENCY_FORBIDDEN, spec.name() + " is already running "
                    + "and forbids parallel runs");
        }
        Instant now = clock.instant();
        RunRef run = new RunRef(command.runId(), task.taskId(), task.version(), command.requestId());
        String digest = pinned.digest();
        apply(new RunRequested(run, pinned, spec.concurrency(), digest, command.trigger(), command.requestedBy(), now,
                command.idempotencyKey()));
        if (spec.needsApproval()) {
            apply(new RunAwaitingApproval(run, spec.concurrency(), spec.approvalPolicy(), command.requestedBy().id(),
                    now.plus(spec.approvalPolicy().decisionTimeout()), digest));
        } else {
            apply(new RunQueued(run, spec.concurrency(), now));
        }
        return command.runId();
    }

    /** Answers the inputs to execute: the worker runs exactly what was requested and approved. */
    @CommandHandler
    public RunInputs handle(StartRun command, Clock clock) {
        requireStatus(RunStatus.QUEUED, "start");
        String digest = inputs.digest();
        if (needsApproval && !digest.equals(approval.approvedDigest())) {
            // Queued only after approval, so this guards the binding should the states ever drift.
            throw BusinessRuleViolation.conflict(DIGEST_MISMATCH, "The run has no approval of " + digest);
        }
        apply(new RunStarted(ref, command.worker(), digest, clock.instant()));
        return inputs;
    }

    @CommandHandler
    public void handle(CompleteRun command, Clock clock) {
        requireStatus(RunStatus.RUNNING, "record a result");
        Instant now = clock.instant();
        switch (command.outcome()) {
            case SUCCEEDED -> apply(new RunSucceeded(ref, command.exitCode(), command.detail(), now));
            case FAILED -> apply(new RunFailed(ref, command.exitCode(), command.detail(), now));
            case TIMED_OUT -> apply(new RunTimedOut(ref, inputs.timeout(), now));
        }
    }

    @CommandHandler
    public void handle(CancelRun command, Clock clock) {
        // Who may act first, then the run's state: someone who may not cancel learns nothing about the run.
        Actor actor = command.cancelledBy();
        if (!actor.id().equals(requesterId) && !actor.hasAnyRole(CANCEL_ANY_ROLES)) {
            throw BusinessRuleViolation.forbidden(ROLE_NOT_ALLOWED,
                    "Only the requester or an automation admin may cancel a run");
        }
        if (status.isFinished()) {
            throw BusinessRuleViolation.conflict(ALREADY_FINISHED, "The run is already " + status);
        }
        apply(new RunCancelled(ref, actor, command.reason(), status == RunStatus.RUNNING, clock.instant()));
    }

    @CommandHandler
    public void handle(InterruptRun command, Clock clock) {
        requireStatus(RunStatus.RUNNING, "be interrupted");
        apply(new RunInterrupted(ref, command.reason(), clock.instant()));
    }

    @CommandHandler
    public void handle(TimeOutRun command, Clock clock) {
        requireStatus(RunStatus.RUNNING, "time out");
        apply(new RunTimedOut(ref, inputs.timeout(), clock.instant()));
    }

    private void requireStatus(RunStatus expected, String action) {
        if (status != expected) {
            throw BusinessRuleViolation.conflict(WRONG_STATE, "A run that is " + status + " cannot " + action);
        }
    }

    @EventSourcingHandler
    void on(RunRequested event) {
        runId = event.ref().runId();
        ref = event.ref();
        inputs = event.inputs();
        requesterId = event.requestedBy().id();
        status = RunStatus.REQUESTED;
        // Created here, not on the approval event, so approval commands always find an entity
        // that can answer "not awaiting approval" instead of a routing failure.
        approval = new RunApproval();
    }

    @EventSourcingHandler
    void on(RunAwaitingApproval event) {
        needsApproval = true;
        status = RunStatus.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(RunRejected event) {
        status = RunStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(RunApprovalExpired event) {
        status = RunStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(RunQueued event) {
        status = RunStatus.QUEUED;
    }

    @EventSourcingHandler
    void on(RunStarted event) {
        status = RunStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(RunSucceeded event) {
        status = RunStatus.SUCCEEDED;
    }

    @EventSourcingHandler
    void on(RunFailed event) {
        status = RunStatus.FAILED;
    }

    @EventSourcingHandler
    void on(RunTimedOut event) {
        status = RunStatus.TIMED_OUT;
    }

    @EventSourcingHandler
    void on(RunCancelled event) {
        status = RunStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(RunInterrupted event) {
        status = RunStatus.INTERRUPTED;
    }
}
