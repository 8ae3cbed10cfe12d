package dev.opsledger.backup.run.api;

/** The run's timeout passed without a result. */
public record TimeOutBackupRun(String runId) {
}
