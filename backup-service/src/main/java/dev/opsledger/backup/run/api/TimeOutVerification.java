package dev.opsledger.backup.run.api;

/** A test restore took longer than the run's timeout. */
public record TimeOutVerification(String runId) {
}
