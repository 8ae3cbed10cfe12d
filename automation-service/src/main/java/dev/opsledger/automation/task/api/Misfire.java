package dev.opsledger.automation.task.api;

/** What a schedule does with fire times missed while the service was down. */
public enum Misfire {
    /** However many were missed, run once as soon as possible. */
    RUN_ONCE,
    /** Run none of them; record each miss as {@code ScheduledRunMissed}. */
    SKIP
}
