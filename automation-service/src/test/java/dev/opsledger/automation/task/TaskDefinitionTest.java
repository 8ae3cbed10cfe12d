package dev.opsledger.automation.task;

import static dev.opsledger.automation.support.Tasks.ADMIN;
import static dev.opsledger.automation.support.Tasks.ALLOW_LIST;
import static dev.opsledger.automation.support.Tasks.DEVELOPER;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.automation.support.Tasks;
import dev.opsledger.automation.task.api.Concurrency;
import dev.opsledger.automation.task.api.CronSchedule;
import dev.opsledger.automation.task.api.DefineTask;
import dev.opsledger.automation.task.api.Executor;
import dev.opsledger.automation.task.api.HttpExecutor;
import dev.opsledger.automation.task.api.Misfire;
import dev.opsledger.automation.task.api.ParameterSpec;
import dev.opsledger.automation.task.api.ParameterType;
import dev.opsledger.automation.task.api.RecordScheduledRunMiss;
import dev.opsledger.automation.task.api.ReviseTask;
import dev.opsledger.automation.task.api.Schedule;
import dev.opsledger.automation.task.api.ScheduledRunMissed;
import dev.opsledger.automation.task.api.ShellExecutor;
import dev.opsledger.automation.task.api.TaskDefined;
import dev.opsledger.automation.task.api.TaskRevised;
import dev.opsledger.automation.task.api.TaskSpec;
import dev.opsledger.automation.task.command.TaskDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {

    private static final String TASK = "task-1";

    private final Tasks.InMemoryNames names = new Tasks.InMemoryNames();
    private AggregateTestFixture<TaskDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskDefinition.class);
        fixture.registerInjectableResource(names);
        fixture.registerInjectableResource(ALLOW_LIST);
    }

    private static TaskSpec with(TaskSpec spec, Executor executor) {
        return new TaskSpec(spec.name(), spec.description(), executor, spec.parameters(), spec.timeout(),
                spec.concurrency(), spec.runRoles(), spec.approvalPolicy(), spec.schedule());
    }

    private static TaskSpec withSchedule(TaskSpec spec, Schedule schedule) {
        return new TaskSpec(spec.name(), spec.description(), spec.executor(), spec.parameters(), spec.timeout(),
                spec.concurrency(), spec.runRoles(), spec.approvalPolicy(), schedule);
    }

    private void refused(TaskSpec spec, String code) {
        fixture.givenNoPriorActivity()
                .when(new DefineTask(TASK, spec, ADMIN))
                .expectException(violation(code))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenAnAdminDefinesTheDeployTask_thenVersionOneIsDefined() {
        fixture.givenNoPriorActivity()
                .when(new DefineTask(TASK, Tasks.deploy(), ADMIN))
                .expectEvents(new TaskDefined(TASK, 1, Tasks.deploy(), ADMIN));
    }

    @Test
    void givenNothing_whenADeveloperDefinesATask_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(new DefineTask(TASK, Tasks.deploy(), DEVELOPER))
                .expectException(violation(TaskDefinition.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenAnExecutableOutsideTheAllowList_whenDefined_thenRefusedNow() {
        refused(with(Tasks.deploy(), new ShellExecutor("/usr/bin/curl", List.of())), Executor.NOT_ALLOWED);
    }

    @Test
    void givenAPathThatClimbsOutOfTheAllowedFolder_whenDefined_thenRefused() {
        refused(with(Tasks.deploy(), new ShellExecutor("/opt/opsledger/scripts/../../../bin/sh", List.of())),
                Executor.INVALID);
    }

    @Test
    void givenAHostOutsideTheAllowList_whenDefined_thenRefusedNow() {
        refused(with(Tasks.jenkins(), new HttpExecutor("POST", "http://169.254.169.254/latest/meta-data", Map.of(),
                null, Set.of())), Executor.NOT_ALLOWED);
    }

    @Test
    void givenAnAllowedHostOnAnotherPort_whenDefined_thenRefused() {
        refused(with(Tasks.jenkins(), new HttpExecutor("POST", "http://" + Tasks.JENKINS + ":8080/job", Map.of(),
                null, Set.of())), Executor.NOT_ALLOWED);
    }

    @Test
    void givenACronThatDoesNotParse_whenDefined_thenRefused() {
        refused(withSchedule(Tasks.rotateLogs(Misfire.SKIP), new Schedule("61 * * * *", "UTC", Misfire.SKIP)),
                CronSchedule.INVALID);
    }

    @Test
    void givenAZoneThatDoesNotExist_whenDefined_thenRefused() {
        refused(withSchedule(Tasks.rotateLogs(Misfire.SKIP), new Schedule("0 3 * * *", "Mars/Olympus", Misfire.SKIP)),
                Schedule.INVALID_ZONE);
    }

    @Test
    void givenAScheduleAndARequiredParameterWithoutDefault_whenDefined_thenRefused() {
        refused(withSchedule(Tasks.deploy(), new Schedule("0 3 * * *", "UTC", Misfire.RUN_ONCE)),
                TaskSpec.SCHEDULE_NEEDS_DEFAULTS);
    }

    @Test
    void givenAPatternThatIsNoRegularExpression_whenDefined_thenRefused() {
        TaskSpec spec = Tasks.deploy();
        refused(new TaskSpec(spec.name(), null, spec.executor(), List.of(new ParameterSpec("v", ParameterType.STRING,
                true, null, "([", null, null, null, null)), spec.timeout(), spec.concurrency(), spec.runRoles(), null,
                null), ParameterSpec.INVALID_DEFINITION);
    }

    @Test
    void givenATimeoutOfAYear_whenDefined_thenRefused() {
        TaskSpec spec = Tasks.deploy();
        refused(new TaskSpec(spec.name(), null, spec.executor(), spec.parameters(), Duration.ofDays(365),
                spec.concurrency(), spec.runRoles(), null, null), TaskSpec.INVALID);
    }

    @Test
    void givenTheNameIsTaken_whenAnotherTaskIsDefinedWithIt_thenConflict() {
        names.claim("deploy", "task-0");
        refused(Tasks.deploy(), TaskDefinition.NAME_TAKEN);
    }

    @Test
    void givenVersionOne_whenRevised_thenVersionTwo() {
        TaskSpec queued = Tasks.withConcurrency(Tasks.deploy(), Concurrency.QUEUE);
        fixture.given(new TaskDefined(TASK, 1, Tasks.deploy(), ADMIN))
                .when(new ReviseTask(TASK, queued, ADMIN))
                .expectEvents(new TaskRevised(TASK, 2, queued, ADMIN));
    }

    @Test
    void givenVersionOne_whenRevisedToTheSameDefinition_thenConflict() {
        fixture.given(new TaskDefined(TASK, 1, Tasks.deploy(), ADMIN))
                .when(new ReviseTask(TASK, Tasks.deploy(), ADMIN))
                .expectException(violation(TaskDefinition.UNCHANGED))
                .expectNoEvents();
    }

    @Test
    void givenAScheduledTask_whenAMissIsRecorded_thenScheduledRunMissedAtTheCurrentVersion() {
        Instant missed = Instant.parse("2026-03-02T01:30:00Z");
        fixture.given(new TaskDefined(TASK, 1, Tasks.rotateLogs(Misfire.SKIP), ADMIN))
                .when(new RecordScheduledRunMiss(TASK, missed))
                .expectEvents(new ScheduledRunMissed(TASK, 1, missed));
    }
}
