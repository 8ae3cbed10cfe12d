package dev.opsledger.backup.target.api;

/** What a target is, and so which driver backs it up: {@code pg_dump} or a tar.gz archive. */
public enum TargetKind {
    POSTGRESQL,
    DIRECTORY
}
