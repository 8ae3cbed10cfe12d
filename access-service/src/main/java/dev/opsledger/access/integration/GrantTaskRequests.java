package dev.opsledger.access.integration;

import dev.opsledger.access.grant.api.AccessTaskRequested;
import dev.opsledger.access.grant.api.RecordAccessTaskOutcome;
import dev.opsledger.contracts.RequestFailed;
import dev.opsledger.contracts.RequestRejected;
import dev.opsledger.contracts.automation.RunTask;
import dev.opsledger.contracts.automation.TaskRunCancelled;
import dev.opsledger.contracts.automation.TaskRunFailed;
import dev.opsledger.contracts.automation.TaskRunRejected;
import dev.opsledger.contracts.automation.TaskRunSucceeded;
import dev.opsledger.platform.kafka.AnswerHandler;
import dev.opsledger.platform.kafka.OutgoingRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a grant on an external resource asks of automation-service, and how each final answer comes
 * back as a command on the grant (the platform sends, receives and deduplicates; ADR 040, ADR 017).
 * The run's intermediate steps (requested, started, awaiting approval) are not declared: the grant
 * waits only for the end, under its answer deadline.
 */
@Configuration(proxyBeanMethods = false)
class GrantTaskRequests {

    /** Automation's outcome for a request it refused before any run existed. */
    static final String REFUSED = "REFUSED";

    @Bean
    OutgoingRequest<AccessTaskRequested> runAccessTaskRequest() {
        // The request id is the idempotency key automation-service names the run by.
        return OutgoingRequest.of(AccessTaskRequested.class, e -> new RunTask(e.requestId(), e.taskId(),
                e.parameters(), e.requestedBy()));
    }

    @Bean
    AnswerHandler<TaskRunSucceeded> accessTaskSucceeded() {
        return AnswerHandler.of(RunTask.class, TaskRunSucceeded.class, (a, request) -> new RecordAccessTaskOutcome(
                request.requesterId(), a.requestId(), a.runId(), true, "SUCCEEDED", a.exitCode(), null));
    }

    @Bean
    AnswerHandler<TaskRunFailed> accessTaskFailed() {
        return AnswerHandler.of(RunTask.class, TaskRunFailed.class, (a, request) -> new RecordAccessTaskOutcome(
                request.requesterId(), a.requestId(), a.runId(), false, a.outcome(), a.exitCode(), a.reason()));
    }

    @Bean
    AnswerHandler<TaskRunRejected> accessTaskRejected() {
        return AnswerHandler.of(RunTask.class, TaskRunRejected.class, (a, request) -> new RecordAccessTaskOutcome(
                request.requesterId(), a.requestId(), a.runId(), false, a.outcome(), null, a.reason()));
    }

    @Bean
    AnswerHandler<TaskRunCancelled> accessTaskCancelled() {
        return AnswerHandler.of(RunTask.class, TaskRunCancelled.class, (a, request) -> new RecordAccessTaskOutcome(
                request.requesterId(), a.requestId(), a.runId(), false, "CANCELLED", null,
                "cancelled by " + a.cancelledBy()));
    }

    @Bean
    AnswerHandler<RequestFailed> accessTaskRequestFailed() {
        return AnswerHandler.of(RunTask.class, RequestFailed.class, (a, request) -> new RecordAccessTaskOutcome(
                request.requesterId(), a.requestId(), null, false, REFUSED, null, a.reason() + ": " + a.detail()));
    }

    @Bean
    AnswerHandler<RequestRejected> accessTaskRequestRejected() {
        return AnswerHandler.of(RunTask.class, RequestRejected.class, (a, request) -> new RecordAccessTaskOutcome(
                request.requesterId(), a.requestId(), null, false, REFUSED, null, a.reason() + ": " + a.detail()));
    }
}
