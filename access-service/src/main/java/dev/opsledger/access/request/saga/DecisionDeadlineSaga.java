package dev.opsledger.access.request.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.access.request.api.AccessRequestApproved;
import dev.opsledger.access.request.api.AccessRequestCancelled;
import dev.opsledger.access.request.api.AccessRequestExpired;
import dev.opsledger.access.request.api.AccessRequestRejected;
import dev.opsledger.access.request.api.AccessRequested;
import dev.opsledger.access.request.api.ExpireAccessRequest;
import dev.opsledger.access.request.api.ExtensionApproved;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Waits for a request's decision:
 * <ol>
 *   <li>when it is made, schedules its expiry at the policy's deadline;</li>
 *   <li>when it is approved, rejected or cancelled first, cancels that deadline and ends;</li>
 *   <li>when the deadline passes first, asks the request to expire, and ends once it has.</li>
 * </ol>
 * The deadline lives here rather than in the aggregate because open-source JobRunr cancels only by
 * the id {@code schedule} returned, which a saga can keep and an aggregate could only keep in an event.
 */
@Saga
public class DecisionDeadlineSaga {

    static final String REQUEST_ID = "requestId";
    static final String DECISION_DEADLINE = "access-request-decision-deadline";

    @JsonProperty
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = REQUEST_ID)
    public void on(AccessRequested event, DeadlineManager deadlines) {
        deadlineId = deadlines.schedule(event.deadline(), DECISION_DEADLINE, event.requestId());
    }

    @DeadlineHandler(deadlineName = DECISION_DEADLINE)
    public void deadlinePassed(String requestId, CommandGateway commands) {
        // Fired: cancelling it later would delete the job that is running it.
        deadlineId = null;
        commands.send(new ExpireAccessRequest(requestId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST_ID)
    public void on(AccessRequestApproved event, DeadlineManager deadlines) {
        cancel(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST_ID)
    public void on(ExtensionApproved event, DeadlineManager deadlines) {
        cancel(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST_ID)
    public void on(AccessRequestRejected event, DeadlineManager deadlines) {
        cancel(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST_ID)
    public void on(AccessRequestCancelled event, DeadlineManager deadlines) {
        cancel(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST_ID)
    public void on(AccessRequestExpired event, DeadlineManager deadlines) {
        cancel(deadlines);
    }

    private void cancel(DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(DECISION_DEADLINE, deadlineId);
            deadlineId = null;
        }
    }
}
