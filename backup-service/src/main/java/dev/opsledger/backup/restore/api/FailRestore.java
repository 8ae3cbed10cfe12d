package dev.opsledger.backup.restore.api;

/** The restore could not be done. */
public record FailRestore(String restoreId, String reason) {
}
