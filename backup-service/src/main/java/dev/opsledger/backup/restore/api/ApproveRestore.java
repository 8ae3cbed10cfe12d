package dev.opsledger.backup.restore.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One approver's approval. */
public record ApproveRestore(@TargetAggregateIdentifier String restoreId, Actor approver, String comment) {
}
