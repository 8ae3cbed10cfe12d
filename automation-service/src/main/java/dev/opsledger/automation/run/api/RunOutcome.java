package dev.opsledger.automation.run.api;

/** How an execution ended, as the worker saw it. */
public enum RunOutcome {
    SUCCEEDED,
    FAILED,
    TIMED_OUT
}
