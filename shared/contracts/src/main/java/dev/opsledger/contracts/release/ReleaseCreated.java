package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A release was registered: a build of an application that can be promoted.
 *
 * @param releaseId the release
 * @param applicationId the application it belongs to
 * @param version SemVer 2.0, unique per application (build metadata ignored)
 * @param commitSha Git commit, 7 to 40 lower-case hex digits
 * @param artifactReference where the build artifact lives
 * @param createdBy token subject of whoever created it
 * @param createdAt when it was created
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "release-created", version = 1)
public record ReleaseCreated(String releaseId, String applicationId, String version, String commitSha,
                             String artifactReference, String createdBy, Instant createdAt)
        implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
