package dev.opsledger.automation.task.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/** A task exists, at version 1. */
@Revision("1")
public record TaskDefined(String taskId, int version, TaskSpec spec, Actor definedBy) {
}
