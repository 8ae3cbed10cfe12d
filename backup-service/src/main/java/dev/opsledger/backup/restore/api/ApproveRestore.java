package dev.opsledger.backup.restore.api;

import dev.opsledger.platform.actor.Actor;

/** One approver's approval. */
public record ApproveRestore(String restoreId, Actor approver, String comment) {
}
