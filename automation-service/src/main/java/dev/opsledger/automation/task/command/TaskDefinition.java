package dev.opsledger.automation.task.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.automation.task.api.DefineTask;
import dev.opsledger.automation.task.api.ExecutorAllowList;
import dev.opsledger.automation.task.api.RecordScheduledRunMiss;
import dev.opsledger.automation.task.api.ReviseTask;
import dev.opsledger.automation.task.api.ScheduledRunMissed;
import dev.opsledger.automation.task.api.TaskDefined;
import dev.opsledger.automation.task.api.TaskRevised;
import dev.opsledger.automation.task.api.TaskSpec;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task and its versions: every edit is a new version, and a run pins the version it was
 * requested with. The rules of a definition live in {@link TaskSpec} and its parts; this
 * aggregate adds who may define, the unique name, and the version count.
 */
@Aggregate
public class TaskDefinition {

    public static final String NOT_FOUND = "task.not-found";
    public static final String NAME_TAKEN = "task.name-taken";
    public static final String ROLE_NOT_ALLOWED = "task.role-not-allowed";
    public static final String UNCHANGED = "task.unchanged";
    static final String AUTOMATION_ADMIN = "automation-admin";

    @AggregateIdentifier
    private String taskId;
    private int version;
    private TaskSpec spec;

    protected TaskDefinition() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public TaskDefinition(DefineTask command, TaskNames names, ExecutorAllowList allowList) {
        requireAdmin(command.definedBy());
        TaskSpec spec = requireSpec(command.spec()).validated(allowList);
        claimName(names, spec.name(), command.taskId());
        apply(new TaskDefined(command.taskId(), 1, spec, command.definedBy()));
    }

    @CommandHandler
    public void handle(ReviseTask command, TaskNames names, ExecutorAllowList allowList) {
        requireAdmin(command.revisedBy());
        TaskSpec next = requireSpec(command.spec()).validated(allowList);
        if (next.equals(spec)) {
            throw BusinessRuleViolation.conflict(UNCHANGED, "Version " + version + " is already this definition");
        }
        if (!next.name().equals(spec.name())) {
            names.releaseAll(taskId);
            claimName(names, next.name(), taskId);
        }
        apply(new TaskRevised(taskId, version + 1, next, command.revisedBy()));
    }

    @CommandHandler
    public void handle(RecordScheduledRunMiss command) {
        apply(new ScheduledRunMissed(taskId, version, command.scheduledFor()));
    }

    /** The current version, for a run to pin (read in the run's unit of work). */
    public TaskSnapshot snapshot() {
        return new TaskSnapshot(taskId, version, spec);
    }

    private static TaskSpec requireSpec(TaskSpec spec) {
        if (spec == null) {
            throw BusinessRuleViolation.unprocessable(TaskSpec.INVALID, "A task needs a definition");
        }
        return spec;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.hasAnyRole(Set.of(AUTOMATION_ADMIN))) {
            throw BusinessRuleViolation.forbidden(ROLE_NOT_ALLOWED, "Only automation admins define tasks");
        }
    }

    private static void claimName(TaskNames names, String name, String taskId) {
        if (!names.claim(name, taskId)) {
            throw BusinessRuleViolation.conflict(NAME_TAKEN, "Another task is named " + name);
        }
    }

    @EventSourcingHandler
    void on(TaskDefined event) {
        taskId = event.taskId();
        version = event.version();
        spec = event.spec();
    }

    @EventSourcingHandler
    void on(TaskRevised event) {
        version = event.version();
        spec = event.spec();
    }
}
