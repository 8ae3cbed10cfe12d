package dev.opsledger.backup.restore.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.backup.restore.api.ExpireRestore;
import dev.opsledger.backup.restore.api.FailRestore;
import dev.opsledger.backup.restore.api.RestoreApproved;
import dev.opsledger.backup.restore.api.RestoreAwaitingApproval;
import dev.opsledger.backup.restore.api.RestoreExpired;
import dev.opsledger.backup.restore.api.RestoreFailed;
import dev.opsledger.backup.restore.api.RestoreRejected;
import dev.opsledger.backup.restore.api.RestoreRequested;
import dev.opsledger.backup.restore.api.RestoreStarted;
import dev.opsledger.backup.restore.api.RestoreSucceeded;
import dev.opsledger.backup.restore.api.StartRestore;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunInterrupted;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.backup.run.api.RequestBackupRun;
import dev.opsledger.backup.run.api.RunTrigger;
import dev.opsledger.platform.actor.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Carries one restore from request to outcome:
 * <ol>
 *   <li>waits for the approvals until their deadline, then expires the restore;</li>
 *   <li>restoring over the original target: takes a safety backup of the target as it is and waits
 *       for it (deadline: the run's timeout plus a margin), failing the restore if it fails;</li>
 *   <li>starts the restore and waits for the executor (deadline: the run's timeout).</li>
 * </ol>
 */
@Saga
public class RestoreSaga {

    static final String RESTORE_ID = "restoreId";
    static final String RUN_ID = "runId";
    static final String APPROVAL_DEADLINE = "restore-approval-deadline";
    static final String SAFETY_DEADLINE = "restore-safety-backup-deadline";
    static final String RESTORE_DEADLINE = "restore-deadline";
    /** The safety run first waits for a free slot and starts; give it this much beyond its own timeout. */
    static final Duration SAFETY_MARGIN = Duration.ofMinutes(5);
    static final Actor SAGA = Actor.system("restore-saga");

    @JsonProperty
    private String restoreId;
    @JsonProperty
    private BackupJob job;
    @JsonProperty
    private boolean overOriginal;
    @JsonProperty
    private String safetyRunId;
    @JsonProperty
    private String approvalDeadlineId;
    @JsonProperty
    private String safetyDeadlineId;
    @JsonProperty
    private String restoreDeadlineId;

    /** The safety run's id derives from the restore, so a redelivered step asks for the same run. */
    public static String safetyRunIdOf(String restoreId) {
        return UUID.nameUUIDFromBytes(("safety-backup:" + restoreId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = RESTORE_ID)
    public void on(RestoreRequested event) {
        restoreId = event.restoreId();
        job = event.job();
        overOriginal = event.destination().isOriginal();
    }

    @SagaEventHandler(associationProperty = RESTORE_ID)
    public void on(RestoreAwaitingApproval event, DeadlineManager deadlines) {
        approvalDeadlineId = deadlines.schedule(event.deadline(), APPROVAL_DEADLINE, restoreId);
    }

    @DeadlineHandler(deadlineName = APPROVAL_DEADLINE)
    public void approvalDeadlinePassed(String restore, CommandGateway commands) {
        // This deadline has fired; cancelling it later would delete the job that is running it.
        approvalDeadlineId = null;
        commands.send(new ExpireRestore(restore));
    }

    @SagaEventHandler(associationProperty = RESTORE_ID)
    public void on(RestoreApproved event, CommandGateway commands, DeadlineManager deadlines) {
        approvalDeadlineId = cancel(deadlines, APPROVAL_DEADLINE, approvalDeadlineId);
        if (!overOriginal) {
            commands.send(new StartRestore(restoreId, null));
            return;
        }
        safetyRunId = safetyRunIdOf(restoreId);
        SagaLifecycle.associateWith(RUN_ID, safetyRunId);
        safetyDeadlineId = deadlines.schedule(job.timeout().plus(SAFETY_MARGIN), SAFETY_DEADLINE, restoreId);
        commands.send(new RequestBackupRun(safetyRunId, job.targetId(), RunTrigger.SAFETY, "restore:" + restoreId,
                SAGA));
    }

    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupRunSucceeded event, CommandGateway commands, DeadlineManager deadlines) {
        safetyDeadlineId = cancel(deadlines, SAFETY_DEADLINE, safetyDeadlineId);
        commands.send(new StartRestore(restoreId, safetyRunId));
    }

    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupRunFailed event, CommandGateway commands, DeadlineManager deadlines) {
        safetyDeadlineId = cancel(deadlines, SAFETY_DEADLINE, safetyDeadlineId);
        commands.send(new FailRestore(restoreId, "The safety backup of the target failed: " + event.reason()));
    }

    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupRunInterrupted event, CommandGateway commands, DeadlineManager deadlines) {
        safetyDeadlineId = cancel(deadlines, SAFETY_DEADLINE, safetyDeadlineId);
        commands.send(new FailRestore(restoreId, "The safety backup of the target was interrupted"));
    }

    @DeadlineHandler(deadlineName = SAFETY_DEADLINE)
    public void safetyBackupOverdue(String restore, CommandGateway commands) {
        safetyDeadlineId = null;
        // Also the answer when the safety run was refused (another run of the target was active).
        commands.send(new FailRestore(restore, "No safety backup of the target within "
                + job.timeout().plus(SAFETY_MARGIN)));
    }

    @SagaEventHandler(associationProperty = RESTORE_ID)
    public void on(RestoreStarted event, DeadlineManager deadlines, RestoreExecutor executor) {
        restoreDeadlineId = deadlines.schedule(job.timeout(), RESTORE_DEADLINE, restoreId);
        executor.restore(restoreId, event.job(), event.artifact(), event.destination());
    }

    @DeadlineHandler(deadlineName = RESTORE_DEADLINE)
    public void restoreOverdue(String restore, CommandGateway commands, RestoreExecutor executor) {
        restoreDeadlineId = null;
        executor.cancel(restore);
        commands.send(new FailRestore(restore, "No restore result within " + job.timeout()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RESTORE_ID)
    public void on(RestoreSucceeded event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RESTORE_ID)
    public void on(RestoreFailed event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RESTORE_ID)
    public void on(RestoreRejected event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RESTORE_ID)
    public void on(RestoreExpired event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    private void cancelAll(DeadlineManager deadlines) {
        approvalDeadlineId = cancel(deadlines, APPROVAL_DEADLINE, approvalDeadlineId);
        safetyDeadlineId = cancel(deadlines, SAFETY_DEADLINE, safetyDeadlineId);
        restoreDeadlineId = cancel(deadlines, RESTORE_DEADLINE, restoreDeadlineId);
    }

    private static String cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
        return null;
    }
}
