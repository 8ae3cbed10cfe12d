package dev.opsledger.automation.run.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.automation.run.api.ExpireRunApproval;
import dev.opsledger.automation.run.api.RunApprovalExpired;
import dev.opsledger.automation.run.api.RunApproved;
import dev.opsledger.automation.run.api.RunAwaitingApproval;
import dev.opsledger.automation.run.api.RunCancelled;
import dev.opsledger.automation.run.api.RunFailed;
import dev.opsledger.automation.run.api.RunInterrupted;
import dev.opsledger.automation.run.api.RunRejected;
import dev.opsledger.automation.run.api.RunRequested;
import dev.opsledger.automation.run.api.RunStarted;
import dev.opsledger.automation.run.api.RunSucceeded;
import dev.opsledger.automation.run.api.RunTimedOut;
import dev.opsledger.automation.run.api.TimeOutRun;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Puts a deadline on every wait of a run:
 * <ol>
 *   <li>awaiting approval: at the policy's deadline the approval expires and the run ends;</li>
 *   <li>running: at the task's timeout plus {@link #WORKER_GRACE}, a run still running is timed out.
 *       The worker kills its process at the timeout itself; this catches a worker that died
 *       without a word (its instance crashed and nobody restarted it).</li>
 * </ol>
 * Waiting in the queue has no deadline: it is capacity, not a decision anyone owes.
 */
@Saga
public class RunSaga {

    static final String RUN_ID = "runId";
    static final String APPROVAL_DEADLINE = "run-approval-deadline";
    static final String RUNNING_DEADLINE = "run-running-deadline";
    static final Duration WORKER_GRACE = Duration.ofMinutes(2);

    @JsonProperty
    private String runId;
    @JsonProperty
    private Duration timeout;
    // JobRunr (open source) cancels a deadline only by its id, so the saga keeps the ids.
    @JsonProperty
    private String approvalDeadlineId;
    @JsonProperty
    private String runningDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunRequested event) {
        runId = event.ref().runId();
        timeout = event.inputs().timeout();
    }

    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunAwaitingApproval event, DeadlineManager deadlines) {
        approvalDeadlineId = deadlines.schedule(event.deadline(), APPROVAL_DEADLINE, runId);
    }

    @DeadlineHandler(deadlineName = APPROVAL_DEADLINE)
    public void approvalDeadlinePassed(String run, CommandGateway commands) {
        // This deadline has fired; cancelling it later would delete the job that is running it.
        approvalDeadlineId = null;
        commands.send(new ExpireRunApproval(run));
    }

    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunApproved event, DeadlineManager deadlines) {
        approvalDeadlineId = cancel(deadlines, APPROVAL_DEADLINE, approvalDeadlineId);
    }

    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunStarted event, DeadlineManager deadlines) {
        runningDeadlineId = deadlines.schedule(timeout.plus(WORKER_GRACE), RUNNING_DEADLINE, runId);
    }

    @DeadlineHandler(deadlineName = RUNNING_DEADLINE)
    public void runOverdue(String run, CommandGateway commands) {
        runningDeadlineId = null;
        commands.send(new TimeOutRun(run));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunSucceeded event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunFailed event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunTimedOut event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunCancelled event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunInterrupted event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunRejected event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = RUN_ID)
    public void on(RunApprovalExpired event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    private void cancelAll(DeadlineManager deadlines) {
        approvalDeadlineId = cancel(deadlines, APPROVAL_DEADLINE, approvalDeadlineId);
        runningDeadlineId = cancel(deadlines, RUNNING_DEADLINE, runningDeadlineId);
    }

    private static String cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
        return null;
    }
}
