package dev.opsledger.backup.run.api;

/** The outcome of a test restore. */
public record RecordVerification(String runId, boolean passed, String detail) {
}
