package dev.opsledger.backup.restore.api;

import dev.opsledger.platform.actor.Actor;

/** Asks to restore a backup run to its original target or a new database or folder. */
public record RequestRestore(String restoreId, String runId, RestoreDestination destination, Actor requestedBy) {
}
