package dev.opsledger.backup.restore.api;

/** Where a restore writes: over the target it came from, or into a new database or folder. */
public enum DestinationKind {
    /** Over the original target; a safety backup of it as it is is taken first. */
    ORIGINAL,
    NEW_DATABASE,
    NEW_DIRECTORY
}
