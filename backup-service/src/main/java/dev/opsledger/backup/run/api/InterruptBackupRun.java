package dev.opsledger.backup.run.api;

/** A run found active when the service started: nothing runs it any more. */
public record InterruptBackupRun(String runId, String reason) {
}
