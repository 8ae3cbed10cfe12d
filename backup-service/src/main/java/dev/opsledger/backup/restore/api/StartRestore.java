package dev.opsledger.backup.restore.api;

/** Approved, and the safety backup (if any) is taken: write the backup. */
public record StartRestore(String restoreId, String safetyRunId) {
}
