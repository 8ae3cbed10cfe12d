package dev.opsledger.backup.run.api;

/** Retention removes a backup: the file goes, the record stays. */
public record ExpireBackupRun(String runId, String reason) {
}
