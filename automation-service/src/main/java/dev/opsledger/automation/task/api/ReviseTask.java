package dev.opsledger.automation.task.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the definition with a new version; runs already requested keep theirs. */
public record ReviseTask(@TargetAggregateIdentifier String taskId, TaskSpec spec, Actor revisedBy) {
}
