package dev.opsledger.backup.run.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.backup.run.api.BackupVerificationFailed;
import dev.opsledger.backup.run.api.BackupVerificationRequested;
import dev.opsledger.backup.run.api.BackupVerified;
import dev.opsledger.backup.run.api.TimeOutVerification;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Proves one backup by a test restore: the executor checks the file's SHA-256, restores it into a
 * scratch database or folder, checks it and drops the scratch copy; the outcome ends the saga.
 * The run's timeout bounds the wait: past it the verification fails and the process is stopped.
 */
@Saga
public class VerificationSaga {

    static final String RUN_ID = "runId";
    static final String VERIFICATION_TIMEOUT = "backup-verification-timeout";

    @JsonProperty
    private String runId;
    @JsonProperty
    private String timeoutId;

    @StartSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupVerificationRequested event, DeadlineManager deadlines, BackupExecutor executor) {
        runId = event.runId();
        timeoutId = deadlines.schedule(event.job().timeout(), VERIFICATION_TIMEOUT, runId);
        executor.verify(runId, event.job(), event.artifact());
    }

    @DeadlineHandler(deadlineName = VERIFICATION_TIMEOUT)
    public void timedOut(String run, CommandGateway commands, BackupExecutor executor) {
        timeoutId = null;
        executor.cancel(run);
        commands.send(new TimeOutVerification(run));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupVerified event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(BackupVerificationFailed event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    private void cancelTimeout(DeadlineManager deadlines) {
        if (timeoutId != null) {
            deadlines.cancelSchedule(VERIFICATION_TIMEOUT, timeoutId);
            timeoutId = null;
        }
    }
}
