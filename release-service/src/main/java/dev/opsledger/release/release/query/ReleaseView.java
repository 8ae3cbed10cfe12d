package dev.opsledger.release.release.query;

import java.time.Instant;

public record ReleaseView(String releaseId, String applicationId, String version, String commitSha,
                          String artifactReference, String notes, String createdBy, Instant createdAt) {
}
