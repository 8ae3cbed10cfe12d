package dev.opsledger.backup.run.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.run.api.BackupRunExpired;
import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunInterrupted;
import dev.opsledger.backup.run.api.BackupRunRequested;
import dev.opsledger.backup.run.api.BackupRunStarted;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.backup.run.api.BackupVerificationFailed;
import dev.opsledger.backup.run.api.BackupVerificationRequested;
import dev.opsledger.backup.run.api.BackupVerified;
import dev.opsledger.backup.run.api.CompleteBackupRun;
import dev.opsledger.backup.run.api.ExpireBackupRun;
import dev.opsledger.backup.run.api.FailBackupRun;
import dev.opsledger.backup.run.api.InterruptBackupRun;
import dev.opsledger.backup.run.api.RecordVerification;
import dev.opsledger.backup.run.api.RequestBackupRun;
import dev.opsledger.backup.run.api.RequestPreDeployBackup;
import dev.opsledger.backup.run.api.RunStatus;
import dev.opsledger.backup.run.api.RunTrigger;
import dev.opsledger.backup.run.api.StartBackupRun;
import dev.opsledger.backup.run.api.TimeOutBackupRun;
import dev.opsledger.backup.run.api.TimeOutVerification;
import dev.opsledger.backup.run.api.Verification;
import dev.opsledger.backup.run.api.VerifyBackupRun;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One backup of one target: requested → running → succeeded or failed (or interrupted), then
 * verified or not by test restores, and finally expired by retention (the file goes, the record
 * stays). One active run per target, claimed when requested.
 */
@Aggregate
public class BackupRun {

    public static final String NOT_FOUND = "backup-run.not-found";
    public static final String ALREADY_RUNNING = "backup-run.already-running";
    public static final String WRONG_STATE = "backup-run.wrong-state";
    public static final String NOT_VERIFIABLE = "backup-run.not-verifiable";
    public static final String PINNED = "backup-run.pinned-by-restore";
    public static final String EXPIRED = "backup-run.expired";
    /** A policy that does not serve pre-deploy requests was asked for one (the requester's answer reason). */
    public static final String NOT_PRE_DEPLOY = "backup-policy.not-pre-deploy";

    @AggregateIdentifier
    private String runId;
    private BackupJob job;
    private RunTrigger trigger;
    private String requestId;
    private RunStatus status;
    private BackupArtifact artifact;
    private Verification verification;
    private boolean expired;

    protected BackupRun() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public BackupRun(RequestBackupRun command, RunContext context, Clock clock) {
        request(command.runId(), context.jobFor(command.targetId()), command.trigger(), command.requestId(),
                command.requestedBy(), context, clock);
    }

    @CommandHandler
    public BackupRun(RequestPreDeployBackup command, RunContext context, Clock clock) {
        if (!context.servesPreDeploy(command.policyId())) {
            throw BusinessRuleViolation.unprocessable(NOT_PRE_DEPLOY, "Backup policy " + command.policyId()
                    + " does not take backups asked for by other services");
        }
        request(command.runId(), context.jobForPolicy(command.policyId()), RunTrigger.REQUEST, command.requestId(),
                command.requestedBy(), context, clock);
    }

    private void request(String id, BackupJob job, RunTrigger trigger, String request, Actor by, RunContext context,
                         Clock clock) {
        if (!context.claimTarget(job.targetId(), id)) {
            throw BusinessRuleViolation.conflict(ALREADY_RUNNING,
                    "A backup of " + job.targetName() + " is under way; one run per target at a time");
        }
        apply(new BackupRunRequested(id, job, trigger, request, by, clock.instant()));
    }

    @CommandHandler
    public void handle(StartBackupRun command, Clock clock) {
        require(status == RunStatus.REQUESTED, "start");
        apply(new BackupRunStarted(runId, job, clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteBackupRun command, Clock clock) {
        require(status == RunStatus.RUNNING, "succeed");
        apply(new BackupRunSucceeded(runId, job.targetId(), job.targetName(), trigger, requestId, command.artifact(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(FailBackupRun command, Clock clock) {
        require(status.isActive(), "fail");
        apply(new BackupRunFailed(runId, job.targetId(), job.targetName(), requestId, command.reason(),
                command.stderrTail(), clock.instant()));
    }

    @CommandHandler
    public void handle(TimeOutBackupRun command, Clock clock) {
        require(status.isActive(), "time out");
        apply(new BackupRunFailed(runId, job.targetId(), job.targetName(), requestId,
                "No result within the run timeout of " + job.timeout(), null, clock.instant()));
    }

    @CommandHandler
    public void handle(InterruptBackupRun command, Clock clock) {
        require(status.isActive(), "be interrupted");
        apply(new BackupRunInterrupted(runId, job.targetId(), job.targetName(), requestId, command.reason(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(VerifyBackupRun command, Clock clock) {
        if (expired) {
            throw BusinessRuleViolation.conflict(EXPIRED, "Backup " + runId + " has expired: its file is gone");
        }
        if (status != RunStatus.SUCCEEDED || verification == Verification.VERIFYING) {
            throw BusinessRuleViolation.conflict(NOT_VERIFIABLE, "Only a successful backup that is not being "
                    + "verified can be verified; this one is " + status + " and " + verification);
        }
        apply(new BackupVerificationRequested(runId, job, artifact, command.requestedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordVerification command, Clock clock) {
        require(verification == Verification.VERIFYING, "record a verification");
        if (command.passed()) {
            apply(new BackupVerified(runId, job.targetId(), command.detail(), clock.instant()));
        } else {
            apply(new BackupVerificationFailed(runId, job.targetId(), command.detail(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(TimeOutVerification command, Clock clock) {
        require(verification == Verification.VERIFYING, "time out a verification");
        apply(new BackupVerificationFailed(runId, job.targetId(),
                "No verification result within the run timeout of " + job.timeout(), clock.instant()));
    }

    @CommandHandler
    public void handle(ExpireBackupRun command, RunContext context, Clock clock) {
        require(status == RunStatus.SUCCEEDED && !expired && verification != Verification.VERIFYING, "expire");
        if (context.isPinnedByRestore(runId)) {
            throw BusinessRuleViolation.conflict(PINNED, "A pending restore refers to backup " + runId);
        }
        apply(new BackupRunExpired(runId, job.targetId(), artifact.location(), command.reason(), clock.instant()));
    }

    public RestorableRun restorable() {
        return new RestorableRun(runId, job, status, verification, artifact, expired);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw BusinessRuleViolation.conflict(WRONG_STATE, "A backup run that is " + status
                    + (expired ? " and expired" : "") + " cannot " + action);
        }
    }

    @EventSourcingHandler
    void on(BackupRunRequested event) {
        runId = event.runId();
        job = event.job();
        trigger = event.trigger();
        requestId = event.requestId();
        status = RunStatus.REQUESTED;
        verification = Verification.NOT_VERIFIED;
    }

    @EventSourcingHandler
    void on(BackupRunStarted event) {
        status = RunStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(BackupRunSucceeded event) {
        status = RunStatus.SUCCEEDED;
        artifact = event.artifact();
    }

    @EventSourcingHandler
    void on(BackupRunFailed event) {
        status = RunStatus.FAILED;
    }

    @EventSourcingHandler
    void on(BackupRunInterrupted event) {
        status = RunStatus.INTERRUPTED;
    }

    @EventSourcingHandler
    void on(BackupVerificationRequested event) {
        verification = Verification.VERIFYING;
    }

    @EventSourcingHandler
    void on(BackupVerified event) {
        verification = Verification.VERIFIED;
    }

    @EventSourcingHandler
    void on(BackupVerificationFailed event) {
        verification = Verification.FAILED;
    }

    @EventSourcingHandler
    void on(BackupRunExpired event) {
        expired = true;
    }
}
