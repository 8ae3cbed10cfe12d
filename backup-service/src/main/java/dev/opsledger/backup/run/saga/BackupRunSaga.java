package dev.opsledger.backup.run.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunInterrupted;
import dev.opsledger.backup.run.api.BackupRunRequested;
import dev.opsledger.backup.run.api.BackupRunStarted;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.backup.run.api.StartBackupRun;
import dev.opsledger.backup.run.api.TimeOutBackupRun;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Takes one backup:
 * <ol>
 *   <li>a requested run is started;</li>
 *   <li>once running, the executor runs the driver and the run's timeout is scheduled;</li>
 *   <li>the driver's result ends the saga; the timeout, if it comes first, stops the process and
 *       fails the run.</li>
 * </ol>
 */
@Saga
public class BackupRunSaga {

    static final String RUN_ID = "runId";
    static final String RUN_TIMEOUT = "backup-run-timeout";

    // Stored with Jackson in the saga store; fields are private, hence @JsonProperty.
    @JsonProperty
    private String runId;
    // JobRunr (open source) cancels a deadline only by its id, so the saga keeps it.
    @JsonProperty
    private String timeoutId;

    @StartSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupRunRequested event, CommandGateway commands) {
        runId = event.runId();
        commands.send(new StartBackupRun(runId));
    }

    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupRunStarted event, DeadlineManager deadlines, BackupExecutor executor) {
        timeoutId = deadlines.schedule(event.job().timeout(), RUN_TIMEOUT, runId);
        executor.backUp(runId, event.job());
    }

    @DeadlineHandler(deadlineName = RUN_TIMEOUT)
    public void timedOut(String run, CommandGateway commands, BackupExecutor executor) {
        // This deadline has fired; cancelling it later would delete the job that is running it.
        timeoutId = null;
        executor.cancel(run);
        commands.send(new TimeOutBackupRun(run));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupRunSucceeded event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupRunFailed event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupRunInterrupted event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    private void cancelTimeout(DeadlineManager deadlines) {
        if (timeoutId != null) {
            deadlines.cancelSchedule(RUN_TIMEOUT, timeoutId);
            timeoutId = null;
        }
    }
}
