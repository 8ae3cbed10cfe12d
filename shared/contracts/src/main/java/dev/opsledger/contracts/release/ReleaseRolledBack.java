package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A rollback began: the release that ran before is being promoted again to replace this one.
 * Follow {@code promotionId} for its outcome.
 *
 * @param releaseId the release being rolled back
 * @param applicationId its application
 * @param environment where it is rolled back
 * @param restoredReleaseId the release brought back
 * @param restoredVersion its version
 * @param promotionId the promotion that brings it back
 * @param reason why
 * @param requestedBy token subject of whoever asked
 * @param requestedAt when
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "release-rolled-back", version = 1)
public record ReleaseRolledBack(String releaseId, String applicationId, String environment,
                                String restoredReleaseId, String restoredVersion, String promotionId, String reason,
                                String requestedBy, Instant requestedAt) implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
