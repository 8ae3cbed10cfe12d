package dev.opsledger.backup.policy.api;

/** What a policy does when the service was down over one or more of its scheduled runs. */
public enum MissedRuns {
    /** Take one backup at once, for all the missed slots together. */
    CATCH_UP,
    /** Record {@code ScheduledRunsMissed} and wait for the next slot. */
    RECORD_MISSED
}
