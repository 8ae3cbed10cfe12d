package dev.opsledger.backup.restore.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One rejection ends the restore. */
public record RejectRestore(@TargetAggregateIdentifier String restoreId, Actor approver, String reason) {
}
