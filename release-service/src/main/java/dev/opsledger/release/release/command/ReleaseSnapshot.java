package dev.opsledger.release.release.command;

/** What a promotion needs to know about its release. */
public record ReleaseSnapshot(String releaseId, String applicationId, String version, String commitSha,
                              String artifactReference) {
}
