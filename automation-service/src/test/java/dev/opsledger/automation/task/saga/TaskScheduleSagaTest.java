package dev.opsledger.automation.task.saga;

import static dev.opsledger.automation.support.Tasks.ADMIN;

import dev.opsledger.automation.run.api.RequestRun;
import dev.opsledger.automation.run.api.Trigger;
import dev.opsledger.automation.support.Tasks;
import dev.opsledger.automation.task.api.Misfire;
import dev.opsledger.automation.task.api.RecordScheduledRunMiss;
import dev.opsledger.automation.task.api.TaskDefined;
import dev.opsledger.automation.task.api.TaskRevised;
import dev.opsledger.automation.task.api.TaskSpec;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule "30 2 * * *" in Europe/Berlin fires at 01:30 UTC in winter. A misfire is a deadline
 * that fires late: the fixture moves its time to the deadline, while the injected clock says how
 * late the service really is.
 */
class TaskScheduleSagaTest {

    private static final String TASK = "task-1";
    private static final Instant SUNDAY_EVENING = Instant.parse("2026-03-01T20:00:00Z");
    private static final Instant MONDAY_FIRE = Instant.parse("2026-03-02T01:30:00Z");
    private static final Instant TUESDAY_FIRE = Instant.parse("2026-03-03T01:30:00Z");
    private static final Instant WEDNESDAY_FIRE = Instant.parse("2026-03-04T01:30:00Z");

    private SagaTestFixture<TaskScheduleSaga> fixture;
    /** When the first fire's deadline runs, what the service's clock says; before it, the fixture's time. */
    private Instant serviceTimeAtFirstFire = MONDAY_FIRE;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TaskScheduleSaga.class);
        fixture.registerResource(MutableClock.following(() -> fixture.currentTime().isBefore(MONDAY_FIRE)
                ? fixture.currentTime() : serviceTimeAtFirstFire));
    }

    private static RequestRun scheduledRun(Instant fire) {
        return new RequestRun(TaskScheduleSaga.runIdFor(TASK, fire), TASK, Map.of(), Trigger.SCHEDULE,
                TaskScheduleSaga.SCHEDULER, "schedule:" + fire, null);
    }

    @Test
    void givenNothing_whenAScheduledTaskIsDefined_thenItsNextFireIsADeadline() {
        fixture.givenCurrentTime(SUNDAY_EVENING)
                .whenAggregate(TASK).publishes(new TaskDefined(TASK, 1, Tasks.rotateLogs(Misfire.SKIP), ADMIN))
                .expectActiveSagas(1)
                .expectAssociationWith(TaskScheduleSaga.TASK_ID, TASK)
                .expectScheduledDeadlineWithName(MONDAY_FIRE, TaskScheduleSaga.FIRE);
    }

    @Test
    void givenAScheduledTask_whenTheFireTimeComesOnTime_thenOneRunAndTheNextFirePlanned() {
        serviceTimeAtFirstFire = MONDAY_FIRE.plusSeconds(2);
        fixture.givenCurrentTime(SUNDAY_EVENING)
                .andThenAggregate(TASK).published(new TaskDefined(TASK, 1, Tasks.rotateLogs(Misfire.SKIP), ADMIN))
                .whenTimeAdvancesTo(MONDAY_FIRE)
                .expectTriggeredDeadlinesWithName(TaskScheduleSaga.FIRE)
                .expectDispatchedCommands(scheduledRun(MONDAY_FIRE))
                .expectScheduledDeadlineWithName(TUESDAY_FIRE, TaskScheduleSaga.FIRE);
    }

    @Test
    void givenRunOnce_whenTheServiceWasDownForThreeFires_thenOneRunOnly() {
        serviceTimeAtFirstFire = WEDNESDAY_FIRE.plus(Duration.ofHours(3));
        fixture.givenCurrentTime(SUNDAY_EVENING)
                .andThenAggregate(TASK).published(new TaskDefined(TASK, 1, Tasks.rotateLogs(Misfire.RUN_ONCE), ADMIN))
                .whenTimeAdvancesTo(MONDAY_FIRE)
                .expectDispatchedCommands(scheduledRun(MONDAY_FIRE))
                .expectScheduledDeadlineWithName(Instant.parse("2026-03-05T01:30:00Z"), TaskScheduleSaga.FIRE);
    }

    @Test
    void givenSkip_whenTheServiceWasDownForThreeFires_thenEachIsRecordedMissedAndNoneRuns() {
        serviceTimeAtFirstFire = WEDNESDAY_FIRE.plus(Duration.ofHours(3));
        fixture.givenCurrentTime(SUNDAY_EVENING)
                .andThenAggregate(TASK).published(new TaskDefined(TASK, 1, Tasks.rotateLogs(Misfire.SKIP), ADMIN))
                .whenTimeAdvancesTo(MONDAY_FIRE)
                .expectDispatchedCommands(new RecordScheduledRunMiss(TASK, MONDAY_FIRE),
                        new RecordScheduledRunMiss(TASK, TUESDAY_FIRE),
                        new RecordScheduledRunMiss(TASK, WEDNESDAY_FIRE))
                .expectScheduledDeadlineWithName(Instant.parse("2026-03-05T01:30:00Z"), TaskScheduleSaga.FIRE);
    }

    @Test
    void givenSkip_whenTheFireIsLateButWithinTheTolerance_thenItRuns() {
        serviceTimeAtFirstFire = MONDAY_FIRE.plus(Duration.ofSeconds(59));
        fixture.givenCurrentTime(SUNDAY_EVENING)
                .andThenAggregate(TASK).published(new TaskDefined(TASK, 1, Tasks.rotateLogs(Misfire.SKIP), ADMIN))
                .whenTimeAdvancesTo(MONDAY_FIRE)
                .expectDispatchedCommands(scheduledRun(MONDAY_FIRE));
    }

    @Test
    void givenAScheduledTask_whenRevisedWithoutSchedule_thenNoDeadlineRemains() {
        TaskSpec scheduled = Tasks.rotateLogs(Misfire.SKIP);
        TaskSpec unscheduled = new TaskSpec(scheduled.name(), null, scheduled.executor(), scheduled.parameters(),
                scheduled.timeout(), scheduled.concurrency(), scheduled.runRoles(), null, null);
        fixture.givenCurrentTime(SUNDAY_EVENING)
                .andThenAggregate(TASK).published(new TaskDefined(TASK, 1, scheduled, ADMIN))
                .whenAggregate(TASK).publishes(new TaskRevised(TASK, 2, unscheduled, ADMIN))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void givenATaskWithoutSchedule_whenDefined_thenNoDeadline() {
        fixture.givenCurrentTime(SUNDAY_EVENING)
                .whenAggregate(TASK).publishes(new TaskDefined(TASK, 1, Tasks.deploy(), ADMIN))
                .expectNoScheduledDeadlines();
    }
}
