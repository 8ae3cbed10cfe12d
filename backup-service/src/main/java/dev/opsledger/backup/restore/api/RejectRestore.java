package dev.opsledger.backup.restore.api;

import dev.opsledger.platform.actor.Actor;

/** One rejection ends the restore. */
public record RejectRestore(String restoreId, Actor approver, String reason) {
}
