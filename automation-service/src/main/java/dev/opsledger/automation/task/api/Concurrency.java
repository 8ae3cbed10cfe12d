package dev.opsledger.automation.task.api;

/** Whether runs of one task may overlap. */
public enum Concurrency {
    /** Runs start as soon as a worker is free. */
    ALLOW,
    /** A run is refused (409) while another run of the task is open. */
    FORBID,
    /** Runs wait in order until no other run of the task is running. */
    QUEUE
}
