package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A release now runs in an environment.
 *
 * @param promotionId the promotion
 * @param releaseId the release
 * @param applicationId its application
 * @param version its version
 * @param environment the environment
 * @param evidenceUrl link to the proof (pipeline run, change ticket)
 * @param recordedBy token subject of the release manager
 * @param deployedAt when it was recorded
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "deployment-succeeded", version = 1)
public record DeploymentSucceeded(String promotionId, String releaseId, String applicationId, String version,
                                  String environment, String evidenceUrl, String recordedBy, Instant deployedAt)
        implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
