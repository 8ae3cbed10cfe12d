package dev.opsledger.backup.run.api;

import dev.opsledger.platform.actor.Actor;

/** Asks for a test restore of a successful backup. */
public record VerifyBackupRun(String runId, Actor requestedBy) {
}
