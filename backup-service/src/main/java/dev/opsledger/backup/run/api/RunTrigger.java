package dev.opsledger.backup.run.api;

/** Why a backup was taken. */
public enum RunTrigger {
    SCHEDULE,
    MANUAL,
    /** Another service asked on {@code opsledger.backup.requests} (a release's pre-deploy backup). */
    REQUEST,
    /** Taken of a target as it is, before a restore overwrites it. */
    SAFETY
}
