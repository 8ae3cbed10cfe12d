package dev.opsledger.release.release.api;

import org.axonframework.serialization.Revision;

/** {@code version} is the full SemVer text as given, {@code commitSha} normalised to lower case. */
@Revision("1")
public record ReleaseCreated(String releaseId, String applicationId, String version, String commitSha,
                             String artifactReference, String notes) {
}
