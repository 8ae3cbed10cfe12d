package dev.opsledger.automation.run.api;

/** Who asked for a run. */
public enum Trigger {
    /** A person, through the API: needs one of the task's run roles. */
    MANUAL,
    /** The task's schedule. */
    SCHEDULE,
    /** Another service, through {@code opsledger.automation.requests}. */
    REQUEST
}
