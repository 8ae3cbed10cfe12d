package dev.opsledger.backup.run.api;

/** The saga lets a requested run start. */
public record StartBackupRun(String runId) {
}
