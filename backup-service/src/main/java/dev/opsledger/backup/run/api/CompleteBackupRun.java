package dev.opsledger.backup.run.api;

/** The driver wrote the backup. */
public record CompleteBackupRun(String runId, BackupArtifact artifact) {
}
