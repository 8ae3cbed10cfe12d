package dev.opsledger.release.release.command;

/**
 * Keeps release versions unique per application across aggregates. Implementations write in the
 * transaction of the command that creates the release, so two concurrent requests for the same
 * version cannot both succeed: the loser's claim fails and its events are never stored.
 */
public interface ReleaseVersions {

    boolean applicationExists(String applicationId);

    /** Reserves {@code version} of {@code applicationId}; {@code false} when a release holds it already. */
    boolean claim(String applicationId, String version, String releaseId);
}
