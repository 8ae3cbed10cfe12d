package dev.opsledger.automation.task.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/** A new version of a task; every edit is one, and earlier versions stay readable. */
@Revision("1")
public record TaskRevised(String taskId, int version, TaskSpec spec, Actor revisedBy) {
}
