package dev.opsledger.contracts.release;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * Someone asked to deploy a release to an environment.
 *
 * @param promotionId the promotion
 * @param releaseId the release being promoted
 * @param applicationId its application
 * @param version its version
 * @param environment the target environment
 * @param lifecycleVersion the lifecycle version whose rules the promotion follows
 * @param approvalsRequired how many approvals it needs (0: none)
 * @param approvalDeadline until when approvers may decide; null when no approval is needed
 * @param requestedBy token subject of the requester
 * @param requestedAt when it was requested
 */
@MessageType(service = OpsLedgerService.RELEASE, name = "promotion-requested", version = 1)
public record PromotionRequested(String promotionId, String releaseId, String applicationId, String version,
                                 String environment, int lifecycleVersion, int approvalsRequired,
                                 Instant approvalDeadline, String requestedBy, Instant requestedAt)
        implements IntegrationEvent {

    /** Keyed by release, so one release's whole story stays in order on one partition. */
    @Override
    public String subject() {
        return releaseId;
    }
}
