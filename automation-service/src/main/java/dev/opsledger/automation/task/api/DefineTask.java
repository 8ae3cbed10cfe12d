package dev.opsledger.automation.task.api;

import dev.opsledger.platform.actor.Actor;

/** Creates a task at version 1. */
public record DefineTask(String taskId, TaskSpec spec, Actor definedBy) {
}
