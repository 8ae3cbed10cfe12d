package dev.opsledger.release.release.query;

import dev.opsledger.contracts.Person;
import java.time.Instant;

public record ReleaseView(String releaseId, String applicationId, String version, String commitSha,
                          String artifactReference, String notes, Person createdBy, Instant createdAt) {
}
