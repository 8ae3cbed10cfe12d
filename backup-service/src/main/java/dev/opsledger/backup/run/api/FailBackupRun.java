package dev.opsledger.backup.run.api;

/** The driver could not write the backup. */
public record FailBackupRun(String runId, String reason, String stderrTail) {
}
