package dev.opsledger.backup.run.api;

/** Whether a successful backup was proven by a test restore. */
public enum Verification {
    NOT_VERIFIED,
    VERIFYING,
    VERIFIED,
    FAILED
}
