package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * An admin allowed a promotion to deploy during the environment's freeze periods.
 *
 * @param promotionId the promotion
 * @param releaseId the release
 * @param applicationId its application
 * @param environment the frozen environment
 * @param overriddenBy token subject of the admin
 * @param reason why
 * @param overriddenAt when
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "freeze-overridden", version = 1)
public record FreezeOverridden(String promotionId, String releaseId, String applicationId, String environment,
                               String overriddenBy, String reason, Instant overriddenAt) implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
