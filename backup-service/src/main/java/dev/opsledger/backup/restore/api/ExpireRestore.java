package dev.opsledger.backup.restore.api;

/** The approval deadline passed. */
public record ExpireRestore(String restoreId) {
}
