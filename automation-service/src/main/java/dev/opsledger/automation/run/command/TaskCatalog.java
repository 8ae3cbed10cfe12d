package dev.opsledger.automation.run.command;

import dev.opsledger.automation.task.command.TaskSnapshot;

/** The task a run pins, read from the event store inside the run's unit of work. */
public interface TaskCatalog {

    /** The current version, or a 404 with {@code task.not-found}. */
    TaskSnapshot current(String taskId);
}
