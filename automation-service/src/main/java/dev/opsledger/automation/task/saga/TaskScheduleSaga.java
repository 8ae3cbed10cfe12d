package dev.opsledger.automation.task.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.automation.run.api.RequestRun;
import dev.opsledger.automation.run.api.Trigger;
import dev.opsledger.automation.task.api.Misfire;
import dev.opsledger.automation.task.api.RecordScheduledRunMiss;
import dev.opsledger.automation.task.api.Schedule;
import dev.opsledger.automation.task.api.TaskDefined;
import dev.opsledger.automation.task.api.TaskRevised;
import dev.opsledger.platform.actor.Actor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Runs a task on its schedule, through JobRunr deadlines that outlive restarts:
 * <ol>
 *   <li>when a task is defined or revised, the next fire time of its (new) schedule becomes a
 *       deadline, replacing the one before; a task without a schedule has none;</li>
 *   <li>when the deadline fires on time (within {@link #MISFIRE_TOLERANCE}), the saga asks for a
 *       run and plans the next fire time;</li>
 *   <li>when it fires late (the service was down), the misfire rule decides: {@code RUN_ONCE} runs
 *       once for all the fire times missed, {@code SKIP} records each of them as missed and runs none.</li>
 * </ol>
 * A scheduled run's id is derived from the task and the fire time, so a deadline delivered twice
 * still makes one run. The saga lives as long as the task.
 */
@Saga
public class TaskScheduleSaga {

    static final String TASK_ID = "taskId";
    static final String FIRE = "task-schedule-fire";
    /** Later than this after its fire time, a fire counts as missed. */
    static final Duration MISFIRE_TOLERANCE = Duration.ofMinutes(1);
    /** At most this many misses are recorded at once: a year of minutely misses is not history. */
    static final int MAX_RECORDED_MISSES = 100;
    static final Actor SCHEDULER = Actor.system("automation-scheduler");

    @JsonProperty
    private String taskId;
    @JsonProperty
    private Schedule schedule;
    @JsonProperty
    private String fireDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = TASK_ID)
    public void on(TaskDefined event, DeadlineManager deadlines, Clock clock) {
        taskId = event.taskId();
        plan(event.spec().schedule(), clock.instant(), deadlines);
    }

    @SagaEventHandler(associationProperty = TASK_ID)
    public void on(TaskRevised event, DeadlineManager deadlines, Clock clock) {
        if (!java.util.Objects.equals(event.spec().schedule(), schedule)) {
            plan(event.spec().schedule(), clock.instant(), deadlines);
        }
    }

    @DeadlineHandler(deadlineName = FIRE)
    public void fire(ScheduledFire fire, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        fireDeadlineId = null;
        if (schedule == null) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isAfter(fire.at().plus(MISFIRE_TOLERANCE)) || schedule.misfire() == Misfire.RUN_ONCE) {
            commands.send(new RequestRun(runIdFor(fire.at()), taskId, Map.of(), Trigger.SCHEDULE, SCHEDULER,
                    "schedule:" + fire.at(), null));
        } else {
            recordMisses(fire.at(), now, commands);
        }
        plan(schedule, now, deadlines);
    }

    private void recordMisses(Instant first, Instant now, CommandGateway commands) {
        Optional<Instant> missed = Optional.of(first);
        for (int count = 0; missed.isPresent() && count < MAX_RECORDED_MISSES; count++) {
            Instant at = missed.get();
            if (!now.isAfter(at.plus(MISFIRE_TOLERANCE))) {
                break;
            }
            commands.send(new RecordScheduledRunMiss(taskId, at));
            missed = schedule.nextAfter(at);
        }
    }

    private void plan(Schedule next, Instant now, DeadlineManager deadlines) {
        if (fireDeadlineId != null) {
            deadlines.cancelSchedule(FIRE, fireDeadlineId);
            fireDeadlineId = null;
        }
        schedule = next;
        if (next != null) {
            next.nextAfter(now).ifPresent(at ->
                    fireDeadlineId = deadlines.schedule(at, FIRE, new ScheduledFire(taskId, at)));
        }
    }

    /** The same task and fire time always name the same run. */
    static String runIdFor(String taskId, Instant at) {
        return UUID.nameUUIDFromBytes(("schedule:" + taskId + ":" + at).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String runIdFor(Instant at) {
        return runIdFor(taskId, at);
    }
}
