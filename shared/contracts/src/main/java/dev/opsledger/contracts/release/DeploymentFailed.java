package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A deployment failed, or nobody recorded its result in time.
 *
 * @param promotionId the promotion
 * @param releaseId the release
 * @param applicationId its application
 * @param version its version
 * @param environment the environment
 * @param reason why
 * @param recordedBy token subject of the release manager, or 'system' on a timeout
 * @param failedAt when
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "deployment-failed", version = 1)
public record DeploymentFailed(String promotionId, String releaseId, String applicationId, String version,
                               String environment, String reason, String recordedBy, Instant failedAt)
        implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
