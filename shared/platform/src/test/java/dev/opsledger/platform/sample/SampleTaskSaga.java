package dev.opsledger.platform.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.platform.sample.SampleMessages.AcknowledgeSampleTask;
import dev.opsledger.platform.sample.SampleMessages.SampleTaskAcknowledged;
import dev.opsledger.platform.sample.SampleMessages.SampleTaskOpened;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/** Acknowledges every opened task: a saga stored in PostgreSQL that sends a command in reaction to an event. */
@Saga
public class SampleTaskSaga {

    static final String TASK_ID = "taskId";

    @JsonProperty
    private String taskId;

    @StartSaga
    @SagaEventHandler(associationProperty = TASK_ID)
    public void on(SampleTaskOpened event, CommandGateway commandGateway) {
        taskId = event.taskId();
        commandGateway.send(new AcknowledgeSampleTask(taskId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = TASK_ID)
    public void on(SampleTaskAcknowledged event) {
        // The chain is complete; nothing else to wait for.
    }
}
