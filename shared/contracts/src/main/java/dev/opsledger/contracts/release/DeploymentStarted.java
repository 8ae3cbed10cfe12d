package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * The deployment of a release to an environment began (inside a window, outside any freeze).
 *
 * @param promotionId the promotion
 * @param releaseId the release
 * @param applicationId its application
 * @param version its version
 * @param environment the environment
 * @param startedAt when
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "deployment-started", version = 1)
public record DeploymentStarted(String promotionId, String releaseId, String applicationId, String version,
                                String environment, Instant startedAt) implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
