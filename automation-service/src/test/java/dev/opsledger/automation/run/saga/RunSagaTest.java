package dev.opsledger.automation.run.saga;

import static dev.opsledger.automation.support.Tasks.ADMIN;
import static dev.opsledger.automation.support.Tasks.DEVELOPER;
import static dev.opsledger.automation.support.Tasks.MONDAY_MORNING;

import dev.opsledger.automation.run.api.*;
import dev.opsledger.automation.support.Tasks;
import dev.opsledger.automation.task.api.TaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunSagaTest {

    private static final String RUN = "run-1";
    private static final RunRef REF = new RunRef(RUN, "task-1", 1, null);
    private static final TaskSpec SPEC = Tasks.deployWithApproval();
    private static final RunInputs INPUTS = new RunInputs("task-1", 1, SPEC.executor(), SPEC.timeout(),
            Map.of("version", "1.4.0"), Set.of());
    private static final Instant DEADLINE = MONDAY_MORNING.plus(Duration.ofHours(8));

    private SagaTestFixture<RunSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RunSaga.class);
    }

    private static RunRequested requested() {
        return new RunRequested(REF, INPUTS, SPEC.concurrency(), INPUTS.digest(), Trigger.MANUAL, DEVELOPER,
                MONDAY_MORNING, null);
    }

    private static RunAwaitingApproval awaiting() {
        return new RunAwaitingApproval(REF, SPEC.concurrency(), SPEC.approvalPolicy(), DEVELOPER.id(), DEADLINE,
                INPUTS.digest());
    }

    private static RunStarted started() {
        return new RunStarted(REF, "worker-1", INPUTS.digest(), MONDAY_MORNING);
    }

    @Test
    void givenARunRequested_whenItAwaitsApproval_thenTheApprovalDeadlineIsScheduled() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(RUN).published(requested())
                .whenAggregate(RUN).publishes(awaiting())
                .expectActiveSagas(1)
                .expectAssociationWith(RunSaga.RUN_ID, RUN)
                .expectScheduledDeadlineWithName(DEADLINE, RunSaga.APPROVAL_DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void givenAwaitingApproval_whenTheDeadlinePasses_thenTheApprovalExpires() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(RUN).published(requested(), awaiting())
                .whenTimeAdvancesTo(DEADLINE)
                .expectTriggeredDeadlinesWithName(RunSaga.APPROVAL_DEADLINE)
                .expectDispatchedCommands(new ExpireRunApproval(RUN));
    }

    @Test
    void givenAwaitingApproval_whenApproved_thenTheApprovalDeadlineIsCancelled() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(RUN).published(requested(), awaiting())
                .whenAggregate(RUN).publishes(new RunApproved(REF, INPUTS.digest(), List.of("alice")))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void givenStarted_whenTheTimeoutAndGracePass_thenTheRunIsTimedOut() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(RUN).published(requested(), started())
                .whenTimeElapses(SPEC.timeout().plus(RunSaga.WORKER_GRACE))
                .expectTriggeredDeadlinesWithName(RunSaga.RUNNING_DEADLINE)
                .expectDispatchedCommands(new TimeOutRun(RUN));
    }

    @Test
    void givenStarted_whenItSucceeds_thenTheSagaEndsWithoutDeadlines() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(RUN).published(requested(), started())
                .whenAggregate(RUN).publishes(new RunSucceeded(REF, 0, "exit code 0", MONDAY_MORNING))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAwaitingApproval_whenCancelled_thenTheSagaEndsWithoutDeadlines() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(RUN).published(requested(), awaiting())
                .whenAggregate(RUN).publishes(new RunCancelled(REF, ADMIN, null, false, MONDAY_MORNING))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
