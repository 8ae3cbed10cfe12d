package dev.opsledger.automation.task.command;

import dev.opsledger.automation.task.api.TaskSpec;

/** What a run pins of its task: the current version and its definition. */
public record TaskSnapshot(String taskId, int version, TaskSpec spec) {
}
