package dev.opsledger.automation.run.persistence;

import dev.opsledger.automation.run.command.TaskCatalog;
import dev.opsledger.automation.task.command.TaskDefinition;
import dev.opsledger.automation.task.command.TaskSnapshot;
import dev.opsledger.platform.axon.Aggregates;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Reads the task from the event store (not a projection, which may lag) in the run's unit of work. */
@Component
class AggregateTaskCatalog implements TaskCatalog {

    private final Repository<TaskDefinition> tasks;

    AggregateTaskCatalog(Repository<TaskDefinition> tasks) {
        this.tasks = tasks;
    }

    @Override
    public TaskSnapshot current(String taskId) {
        return Aggregates.stateOf(tasks, taskId, TaskDefinition::snapshot, TaskDefinition.NOT_FOUND, "task");
    }
}
