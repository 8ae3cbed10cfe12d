package dev.opsledger.backup.restore.api;

/** The driver restored the backup. */
public record CompleteRestore(String restoreId, String detail) {
}
