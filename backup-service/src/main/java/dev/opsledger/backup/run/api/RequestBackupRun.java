package dev.opsledger.backup.run.api;

import dev.opsledger.platform.actor.Actor;

/** Asks for a backup of a target now. {@code requestId} is another service's idempotency key, or {@code null}. */
public record RequestBackupRun(String runId, String targetId, RunTrigger trigger, String requestId, Actor requestedBy) {
}
