package dev.opsledger.release.release.api;

/** Registers a build of an application as a release that can be promoted. */
public record CreateRelease(String releaseId, String applicationId, String version, String commitSha,
                            String artifactReference, String notes) {
}
