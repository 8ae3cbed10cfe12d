package dev.opsledger.backup.run.api;

/** Where a backup run stands. Only one run per target may be active. */
public enum RunStatus {
    REQUESTED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Found running when the service started: whatever ran it is gone. */
    INTERRUPTED;

    public boolean isActive() {
        return this == REQUESTED || this == RUNNING;
    }
}
