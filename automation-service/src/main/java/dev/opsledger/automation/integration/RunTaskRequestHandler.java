package dev.opsledger.automation.integration;

import dev.opsledger.automation.run.api.RequestRun;
import dev.opsledger.automation.run.api.Trigger;
import dev.opsledger.automation.run.api.RunIds;
import dev.opsledger.contracts.automation.RunTask;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.kafka.IntegrationRequestHandler;
import org.springframework.stereotype.Component;

/**
 * Another service's {@link RunTask} becomes a run whose id is derived from the request id: a
 * request delivered twice, or sent again under the same id, reaches the same run, which answers
 * once. The run is attributed to the person the requester acted for, when it says.
 */
@Component
class RunTaskRequestHandler implements IntegrationRequestHandler<RunTask> {

    @Override
    public Class<RunTask> requestType() {
        return RunTask.class;
    }

    @Override
    public Object toCommand(RunTask request) {
        Actor requester = request.requestedBy() == null || request.requestedBy().isBlank()
                ? Actor.system("automation-requests") : new Actor(request.requestedBy(), request.requestedBy(), null);
        return new RequestRun(RunIds.forKey(request.taskId(), "request:" + request.requestId()), request.taskId(),
                request.parameters(), Trigger.REQUEST, requester, request.requestId(), request.requestId());
    }
}
