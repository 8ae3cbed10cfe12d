package dev.opsledger.automation.integration;

import dev.opsledger.automation.run.api.RunApprovalExpired;
import dev.opsledger.automation.run.api.RunAwaitingApproval;
import dev.opsledger.automation.run.api.RunCancelled;
import dev.opsledger.automation.run.api.RunFailed;
import dev.opsledger.automation.run.api.RunInterrupted;
import dev.opsledger.automation.run.api.RunRef;
import dev.opsledger.automation.run.api.RunRejected;
import dev.opsledger.automation.run.api.RunRequested;
import dev.opsledger.automation.run.api.RunStarted;
import dev.opsledger.automation.run.api.RunSucceeded;
import dev.opsledger.automation.run.api.RunTimedOut;
import dev.opsledger.automation.task.api.ScheduledRunMissed;
import dev.opsledger.automation.task.api.ShellExecutor;
import dev.opsledger.automation.task.api.TaskDefined;
import dev.opsledger.automation.task.api.TaskRevised;
import dev.opsledger.automation.task.api.TaskSpec;
import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.automation.TaskRunAwaitingApproval;
import dev.opsledger.contracts.automation.TaskRunCancelled;
import dev.opsledger.contracts.automation.TaskRunFailed;
import dev.opsledger.contracts.automation.TaskRunRejected;
import dev.opsledger.contracts.automation.TaskRunRequested;
import dev.opsledger.contracts.automation.TaskRunStarted;
import dev.opsledger.contracts.automation.TaskRunSucceeded;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.kafka.IntegrationEventMapper;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns internal events into the public records of {@code dev.opsledger.contracts.automation}.
 * Steps only the service cares about (single approval votes, queueing) stay private; parameter
 * values never leave (the digest stands for them), so no secret reference reaches Kafka either.
 */
@Component
class AutomationEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<? extends IntegrationEvent> map(EventMessage<?> message) {
        return Optional.ofNullable(switch (message.getPayload()) {
            case TaskDefined e -> defined(e.taskId(), e.version(), e.spec(), e.definedBy(), message.getTimestamp());
            case TaskRevised e -> defined(e.taskId(), e.version(), e.spec(), e.revisedBy(), message.getTimestamp());
            case ScheduledRunMissed e -> new dev.opsledger.contracts.automation.ScheduledRunMissed(e.taskId(),
                    e.version(), e.scheduledFor());
            case RunRequested e -> new TaskRunRequested(e.runId(), e.ref().taskId(), e.ref().version(),
                    e.ref().requestId(), e.trigger().name(), e.digest(), e.requestedBy().id(), e.requestedAt());
            case RunAwaitingApproval e -> new TaskRunAwaitingApproval(e.ref().runId(), e.ref().taskId(),
                    e.ref().version(), e.ref().requestId(), e.deadline());
            case RunStarted e -> new TaskRunStarted(e.runId(), e.ref().taskId(), e.ref().version(),
                    e.ref().requestId(), e.digest(), e.startedAt());
            case RunSucceeded e -> new TaskRunSucceeded(e.runId(), e.ref().taskId(), e.ref().version(),
                    e.ref().requestId(), e.exitCode(), e.finishedAt());
            case RunFailed e -> failed(e.ref(), "FAILED", e.exitCode(), e.reason(), e.finishedAt());
            case RunTimedOut e -> failed(e.ref(), "TIMED_OUT", null, "timed out after " + e.timeout(),
                    e.finishedAt());
            case RunInterrupted e -> failed(e.ref(), "INTERRUPTED", null, e.reason(), e.interruptedAt());
            case RunCancelled e -> new TaskRunCancelled(e.runId(), e.ref().taskId(), e.ref().version(),
                    e.ref().requestId(), e.cancelledBy().id(), e.wasRunning(), e.cancelledAt());
            case RunRejected e -> new TaskRunRejected(e.runId(), e.ref().taskId(), e.ref().version(),
                    e.ref().requestId(), "REJECTED", e.rejectedBy().id(), e.reason(), e.rejectedAt());
            case RunApprovalExpired e -> new TaskRunRejected(e.runId(), e.ref().taskId(), e.ref().version(),
                    e.ref().requestId(), "EXPIRED", null, "no decision before " + e.deadline(), e.deadline());
            default -> null;
        });
    }

    private static IntegrationEvent defined(String taskId, int version, TaskSpec spec, Actor by, Instant at) {
        return new dev.opsledger.contracts.automation.TaskDefined(taskId, spec.name(), version,
                spec.executor() instanceof ShellExecutor ? "shell" : "http", spec.needsApproval(), by.id(), at);
    }

    private static IntegrationEvent failed(RunRef ref, String outcome, Integer exitCode, String reason, Instant at) {
        return new TaskRunFailed(ref.runId(), ref.taskId(), ref.version(), ref.requestId(), outcome, exitCode,
                reason == null ? outcome : reason, at);
    }
}
