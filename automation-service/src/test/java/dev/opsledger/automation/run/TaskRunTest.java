package dev.opsledger.automation.run;

import static dev.opsledger.automation.support.Tasks.ALICE;
import static dev.opsledger.automation.support.Tasks.AUDITOR;
import static dev.opsledger.automation.support.Tasks.BOB;
import static dev.opsledger.automation.support.Tasks.DEVELOPER;
import static dev.opsledger.automation.support.Tasks.MONDAY_MORNING;
import static dev.opsledger.automation.support.Tasks.OTHER_DEVELOPER;
import static dev.opsledger.testkit.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.automation.run.api.*;
import dev.opsledger.automation.run.command.RunClaims;
import dev.opsledger.automation.run.command.TaskCatalog;
import dev.opsledger.automation.run.command.TaskRun;
import dev.opsledger.automation.support.Tasks;
import dev.opsledger.automation.task.api.Concurrency;
import dev.opsledger.automation.task.api.ParameterSpec;
import dev.opsledger.automation.task.api.TaskSpec;
import dev.opsledger.automation.task.command.TaskDefinition;
import dev.opsledger.automation.task.command.TaskSnapshot;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskRunTest {

    private static final String TASK = "task-1";
    private static final String RUN = "run-1";
    private static final Map<String, String> GIVEN = Map.of("version", "1.4.0");
    private static final Map<String, String> RESOLVED = Map.of("version", "1.4.0", "replicas", "2",
            "dry_run", "false", "environment", "qa");

    private final MutableClock clock = MutableClock.at(MONDAY_MORNING);
    private final Map<String, TaskSnapshot> tasks = new HashMap<>();
    private final Map<String, String> exclusive = new HashMap<>();
    private AggregateTestFixture<TaskRun> fixture;

    @BeforeEach
    void setUp() {
        define(Tasks.deploy());
        fixture = new AggregateTestFixture<>(TaskRun.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource((TaskCatalog) taskId -> {
            TaskSnapshot task = tasks.get(taskId);
            if (task == null) {
                throw BusinessRuleViolation.noSuch(TaskDefinition.NOT_FOUND, "task", taskId);
            }
            return task;
        });
        fixture.registerInjectableResource((RunClaims) (taskId, runId) ->
                exclusive.putIfAbsent(taskId, runId) == null);
    }

    private void define(TaskSpec spec) {
        tasks.put(TASK, new TaskSnapshot(TASK, 1, spec));
    }

    private static RunRef ref(int version) {
        return new RunRef(RUN, TASK, version, null);
    }

    private static RunInputs inputs(TaskSpec spec, int version) {
        return new RunInputs(TASK, version, spec.executor(), spec.timeout(), RESOLVED, java.util.Set.of());
    }

    private static RequestRun manual(Map<String, String> parameters) {
        return new RequestRun(RUN, TASK, parameters, Trigger.MANUAL, DEVELOPER, null, null);
    }

    private static RunRequested requested(TaskSpec spec) {
        RunInputs inputs = inputs(spec, 1);
        return new RunRequested(ref(1), inputs, spec.concurrency(), inputs.digest(), Trigger.MANUAL, DEVELOPER,
                MONDAY_MORNING, null);
    }

    private static RunAwaitingApproval awaiting(TaskSpec spec) {
        return new RunAwaitingApproval(ref(1), spec.concurrency(), spec.approvalPolicy(), DEVELOPER.id(),
                MONDAY_MORNING.plus(Duration.ofHours(8)), inputs(spec, 1).digest());
    }

    private static RunQueued queued() {
        return new RunQueued(ref(1), Concurrency.ALLOW, MONDAY_MORNING);
    }

    private static RunStarted started() {
        return new RunStarted(ref(1), "worker-1", inputs(Tasks.deploy(), 1).digest(), MONDAY_MORNING);
    }

    private void refused(RequestRun command, String code) {
        fixture.givenNoPriorActivity().when(command).expectException(violation(code)).expectNoEvents();
    }

    @Test
    void givenATaskWithoutApproval_whenADeveloperRunsIt_thenRequestedWithDefaultsAndQueued() {
        fixture.givenNoPriorActivity()
                .when(manual(GIVEN))
                .expectEvents(requested(Tasks.deploy()), queued())
                .expectResultMessagePayload(RUN);
    }

    @Test
    void givenARun_whenTheSameIdempotencyKeyAsksAgain_thenTheSameRunAndNoEvent() {
        fixture.given(requested(Tasks.deploy()), queued())
                .when(manual(Map.of("version", "9.9.9")))
                .expectNoEvents()
                .expectResultMessagePayload(RUN);
    }

    @Test
    void givenAnotherRequestersRun_whenTheSameIdempotencyKeyAsksAgain_thenKeyTakenAndNoEvent() {
        fixture.given(requested(Tasks.deploy()), queued())
                .when(new RequestRun(RUN, TASK, GIVEN, Trigger.MANUAL, OTHER_DEVELOPER, "their-key", null))
                .expectException(violation(TaskRun.KEY_TAKEN))
                .expectNoEvents();
    }

    @Test
    void givenAnAuditor_whenRunning_thenForbidden() {
        refused(new RequestRun(RUN, TASK, GIVEN, Trigger.MANUAL, AUDITOR, null, null), TaskRun.ROLE_NOT_ALLOWED);
    }

    @Test
    void givenNoTask_whenRunning_thenNotFound() {
        refused(new RequestRun(RUN, "nope", GIVEN, Trigger.MANUAL, DEVELOPER, null, null), TaskDefinition.NOT_FOUND);
    }

    @Test
    void givenAnIntegerParameter_whenGivenText_thenParameterInvalid() {
        refused(manual(Map.of("version", "1.4.0", "replicas", "two")), ParameterSpec.INVALID_VALUE);
    }

    @Test
    void givenAnIntegerParameter_whenOutOfRangeOrHuge_thenParameterInvalid() {
        refused(manual(Map.of("version", "1.4.0", "replicas", "11")), ParameterSpec.INVALID_VALUE);
        refused(manual(Map.of("version", "1.4.0", "replicas", "99999999999999999999999")),
                ParameterSpec.INVALID_VALUE);
    }

    @Test
    void givenAPattern_whenTheValueDoesNotMatch_thenParameterInvalid() {
        refused(manual(Map.of("version", "1.4.0; rm -rf /")), ParameterSpec.INVALID_VALUE);
    }

    @Test
    void givenAnEnum_whenTheValueIsNotListed_thenParameterInvalid() {
        refused(manual(Map.of("version", "1.4.0", "environment", "staging")), ParameterSpec.INVALID_VALUE);
    }

    @Test
    void givenARequiredParameter_whenMissing_thenParameterMissing() {
        refused(manual(Map.of()), ParameterSpec.MISSING);
    }

    @Test
    void givenAnUnknownParameter_whenRunning_thenParameterUnknown() {
        refused(manual(Map.of("version", "1.4.0", "shell", "/bin/sh")), TaskSpec.UNKNOWN_PARAMETER);
    }

    @Test
    void givenASecretParameter_whenGivenAValueInsteadOfAReference_thenParameterInvalid() {
        refused(manual(Map.of("version", "1.4.0", "token", "hunter2 secret")), ParameterSpec.INVALID_VALUE);
    }

    @Test
    void givenAValueWithANulCharacter_whenRunning_thenParameterInvalid() {
        refused(manual(Map.of("version", "1.4.0", "environment", "qa\0")), ParameterSpec.INVALID_VALUE);
    }

    @Test
    void givenAForbidTaskWithAnOpenRun_whenAnotherRunIsRequested_thenConflict() {
        define(Tasks.withConcurrency(Tasks.deploy(), Concurrency.FORBID));
        exclusive.put(TASK, "run-0");
        refused(manual(GIVEN), TaskRun.CONCURRENCY_FORBIDDEN);
    }

    @Test
    void givenAForbidTaskWithoutOpenRun_whenRequested_thenItClaimsTheTask() {
        define(Tasks.withConcurrency(Tasks.deploy(), Concurrency.FORBID));
        fixture.givenNoPriorActivity().when(manual(GIVEN)).expectSuccessfulHandlerExecution();
        assertThat(exclusive).containsEntry(TASK, RUN);
    }

    @Test
    void givenATaskNeedingApproval_whenRun_thenAwaitingApprovalBoundToTheDigest() {
        TaskSpec spec = Tasks.deployWithApproval();
        define(spec);
        fixture.givenNoPriorActivity()
                .when(manual(GIVEN))
                .expectEvents(requested(spec), awaiting(spec));
    }

    @Test
    void givenAwaitingApproval_whenTheRequesterApproves_thenSelfApprovalRefused() {
        TaskSpec spec = Tasks.deployWithApproval();
        fixture.given(requested(spec), awaiting(spec))
                .when(new ApproveRun(RUN, new dev.opsledger.platform.actor.Actor(DEVELOPER.id(), "dev1",
                        java.util.Set.of("developer", "approver")), null, "mine"))
                .expectException(violation(Approvals.SELF_APPROVAL))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenTheApproverLookedAtOtherInputs_thenDigestMismatch() {
        TaskSpec spec = Tasks.deployWithApproval();
        fixture.given(requested(spec), awaiting(spec))
                .when(new ApproveRun(RUN, ALICE, "sha256:0000", "ok"))
                .expectException(violation(TaskRun.DIGEST_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenApprovedWithTheDigest_thenApprovedForThatDigestAndQueued() {
        TaskSpec spec = Tasks.deployWithApproval();
        String digest = inputs(spec, 1).digest();
        fixture.given(requested(spec), awaiting(spec))
                .when(new ApproveRun(RUN, ALICE, digest, "ok"))
                .expectEvents(new RunApprovalGiven(ref(1), ALICE, "ok", MONDAY_MORNING, digest, 0),
                        new RunApproved(ref(1), digest, List.of("alice")),
                        new RunQueued(ref(1), Concurrency.ALLOW, MONDAY_MORNING));
    }

    @Test
    void givenApprovedAndTheTaskEditedSince_whenStarted_thenTheWorkerGetsTheApprovedInputs() {
        TaskSpec spec = Tasks.deployWithApproval();
        String digest = inputs(spec, 1).digest();
        tasks.put(TASK, new TaskSnapshot(TASK, 2, Tasks.withConcurrency(spec, Concurrency.QUEUE)));
        fixture.given(requested(spec), awaiting(spec),
                        new RunApprovalGiven(ref(1), ALICE, "ok", MONDAY_MORNING, digest, 0),
                        new RunApproved(ref(1), digest, List.of("alice")), queued())
                .when(new StartRun(RUN, "worker-1"))
                .expectEvents(new RunStarted(ref(1), "worker-1", digest, MONDAY_MORNING))
                .expectResultMessagePayload(inputs(spec, 1));
    }

    @Test
    void givenAwaitingApproval_whenStarted_thenWrongState() {
        TaskSpec spec = Tasks.deployWithApproval();
        fixture.given(requested(spec), awaiting(spec))
                .when(new StartRun(RUN, "worker-1"))
                .expectException(violation(TaskRun.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenRejected_thenRejected() {
        TaskSpec spec = Tasks.deployWithApproval();
        fixture.given(requested(spec), awaiting(spec))
                .when(new RejectRun(RUN, BOB, "not today"))
                .expectEvents(new RunRejected(ref(1), BOB, "not today", MONDAY_MORNING));
    }

    @Test
    void givenAwaitingApproval_whenTheDeadlinePassed_thenExpired() {
        TaskSpec spec = Tasks.deployWithApproval();
        clock.advance(Duration.ofHours(8));
        fixture.given(requested(spec), awaiting(spec))
                .when(new ExpireRunApproval(RUN))
                .expectEvents(new RunApprovalExpired(ref(1), MONDAY_MORNING.plus(Duration.ofHours(8))));
    }

    @Test
    void givenAwaitingApproval_whenExpiredBeforeTheDeadline_thenNotYetDue() {
        TaskSpec spec = Tasks.deployWithApproval();
        fixture.given(requested(spec), awaiting(spec))
                .when(new ExpireRunApproval(RUN))
                .expectException(violation(Approvals.NOT_YET_DUE))
                .expectNoEvents();
    }

    @Test
    void givenARunWithoutApproval_whenApproved_thenClosed() {
        fixture.given(requested(Tasks.deploy()), queued())
                .when(new ApproveRun(RUN, ALICE, null, "ok"))
                .expectException(violation(Approvals.CLOSED))
                .expectNoEvents();
    }

    @Test
    void givenRunning_whenTheProcessExitsWith3_thenFailedWithExitCode3() {
        fixture.given(requested(Tasks.deploy()), queued(), started())
                .when(new CompleteRun(RUN, RunOutcome.FAILED, 3, "exit code 3"))
                .expectEvents(new RunFailed(ref(1), 3, "exit code 3", MONDAY_MORNING));
    }

    @Test
    void givenRunning_whenTheWorkerReportsATimeout_thenTimedOut() {
        fixture.given(requested(Tasks.deploy()), queued(), started())
                .when(new CompleteRun(RUN, RunOutcome.TIMED_OUT, null, "timed out"))
                .expectEvents(new RunTimedOut(ref(1), Duration.ofMinutes(10), MONDAY_MORNING));
    }

    @Test
    void givenQueued_whenAResultIsReported_thenWrongState() {
        fixture.given(requested(Tasks.deploy()), queued())
                .when(new CompleteRun(RUN, RunOutcome.SUCCEEDED, 0, "exit code 0"))
                .expectException(violation(TaskRun.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenRunning_whenTheRequesterCancels_thenCancelledWhileRunning() {
        fixture.given(requested(Tasks.deploy()), queued(), started())
                .when(new CancelRun(RUN, DEVELOPER, "wrong version"))
                .expectEvents(new RunCancelled(ref(1), DEVELOPER, "wrong version", true, MONDAY_MORNING));
    }

    @Test
    void givenQueued_whenSomeoneElseCancels_thenForbidden() {
        fixture.given(requested(Tasks.deploy()), queued())
                .when(new CancelRun(RUN, OTHER_DEVELOPER, null))
                .expectException(violation(TaskRun.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenAFinishedRun_whenCancelled_thenAlreadyFinished() {
        fixture.given(requested(Tasks.deploy()), queued(), started(),
                        new RunSucceeded(ref(1), 0, "exit code 0", MONDAY_MORNING))
                .when(new CancelRun(RUN, DEVELOPER, null))
                .expectException(violation(TaskRun.ALREADY_FINISHED))
                .expectNoEvents();
    }

    @Test
    void givenAFinishedRun_whenSomeoneElseCancels_thenForbiddenBeforeTheStateIsTold() {
        fixture.given(requested(Tasks.deploy()), queued(), started(),
                        new RunSucceeded(ref(1), 0, "exit code 0", MONDAY_MORNING))
                .when(new CancelRun(RUN, OTHER_DEVELOPER, null))
                .expectException(violation(TaskRun.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenRunning_whenInterruptedAtStart_thenInterrupted() {
        fixture.given(requested(Tasks.deploy()), queued(), started())
                .when(new InterruptRun(RUN, "the service stopped"))
                .expectEvents(new RunInterrupted(ref(1), "the service stopped", MONDAY_MORNING));
    }

    @Test
    void givenRunning_whenTheSagaTimesItOut_thenTimedOut() {
        fixture.given(requested(Tasks.deploy()), queued(), started())
                .when(new TimeOutRun(RUN))
                .expectEvents(new RunTimedOut(ref(1), Duration.ofMinutes(10), MONDAY_MORNING));
    }

    @Test
    void givenTwoInputsThatDifferOnlyInOneValue_whenDigested_thenTheDigestsDiffer() {
        RunInputs one = inputs(Tasks.deploy(), 1);
        RunInputs other = new RunInputs(TASK, 1, one.executor(), one.timeout(),
                Map.of("version", "1.4.1", "replicas", "2", "dry_run", "false", "environment", "qa"),
                java.util.Set.of());
        RunInputs nextVersion = inputs(Tasks.deploy(), 2);
        assertThat(one.digest()).isNotEqualTo(other.digest()).isNotEqualTo(nextVersion.digest())
                .isEqualTo(inputs(Tasks.deploy(), 1).digest()).startsWith("sha256:");
    }
}
