package dev.opsledger.access.integration;

import dev.opsledger.access.grant.api.BreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.BreakGlassReviewed;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantDeprovisioningFailed;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantExtended;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.request.api.AccessRequestApproved;
import dev.opsledger.access.request.api.AccessRequestCancelled;
import dev.opsledger.access.request.api.AccessRequestExpired;
import dev.opsledger.access.request.api.AccessRequestRejected;
import dev.opsledger.access.request.api.AccessRequested;
import dev.opsledger.access.request.api.ExtensionApproved;
import dev.opsledger.access.resource.api.AccessDriftDetected;
import dev.opsledger.access.resource.api.AccessDriftResolved;
import dev.opsledger.access.review.api.AccessReviewClosed;
import dev.opsledger.access.review.api.AccessReviewOpened;
import dev.opsledger.access.review.api.ReviewItemDecided;
import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.access.AccessReviewItemDecided;
import dev.opsledger.contracts.access.BreakGlassUsed;
import dev.opsledger.contracts.access.GrantDeprovisionFailed;
import dev.opsledger.contracts.access.GrantExpired;
import dev.opsledger.contracts.access.GrantReleased;
import dev.opsledger.contracts.access.GrantRevoked;
import dev.opsledger.platform.kafka.IntegrationEventMapper;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns internal events into the public records of {@code dev.opsledger.contracts.access}. Steps
 * only the service cares about (single votes, a grant opened for provisioning, provisioning
 * retries, a grant ending but not yet removed) stay private: a grant's end is published once
 * Keycloak confirmed it, so no consumer hears "revoked" while the membership still exists.
 * Requests and grants are keyed by grant id, so one grant's whole story stays in order (ADR 013).
 */
@Component
class AccessEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<? extends IntegrationEvent> map(EventMessage<?> message) {
        return Optional.ofNullable(switch (message.getPayload()) {
            case AccessRequested e -> new dev.opsledger.contracts.access.AccessRequested(e.requestId(), e.grantId(),
                    e.extension(), e.resourceId(), e.requester().id(), e.resourceName(), e.duration(),
                    e.justification(), e.policy().requiredApprovals(), e.deadline(), e.requestedAt());
            case AccessRequestApproved e -> new dev.opsledger.contracts.access.AccessRequestApproved(e.requestId(),
                    e.grantId(), false, e.resourceId(), e.userId(), e.duration(), e.approvers(), e.approvedAt());
            case ExtensionApproved e -> new dev.opsledger.contracts.access.AccessRequestApproved(e.requestId(),
                    e.grantId(), true, e.resourceId(), e.userId(), e.duration(), e.approvers(), e.approvedAt());
            case AccessRequestRejected e -> new dev.opsledger.contracts.access.AccessRequestRejected(e.requestId(),
                    e.grantId(), e.extension(), e.resourceId(), e.userId(), e.rejectedBy().id(), e.reason(),
                    e.rejectedAt());
            case AccessRequestExpired e -> new dev.opsledger.contracts.access.AccessRequestExpired(e.requestId(),
                    e.grantId(), e.extension(), e.resourceId(), e.userId(), e.deadline());
            case AccessRequestCancelled e -> new dev.opsledger.contracts.access.AccessRequestCancelled(e.requestId(),
                    e.grantId(), e.extension(), e.resourceId(), e.userId(), e.cancelledAt());
            case GrantOpened e when e.breakGlass() -> new BreakGlassUsed(e.grantId(), e.resourceId(), e.userId(),
                    e.justification(), e.duration(), e.reviewDeadline(), e.openedAt());
            case GrantActivated e -> new dev.opsledger.contracts.access.GrantActivated(e.grantId(), e.resourceId(),
                    e.userId(), e.activatedAt(), e.expiresAt());
            case GrantExtended e -> new dev.opsledger.contracts.access.GrantExtended(e.grantId(), e.resourceId(),
                    e.userId(), e.requestId(), e.previousExpiry(), e.expiresAt());
            case GrantEnded e -> ended(e);
            case GrantDeprovisioningFailed e -> new GrantDeprovisionFailed(e.grantId(), e.resourceId(), e.userId(),
                    e.reason(), e.attempt(), e.retryAt());
            case BreakGlassReviewed e -> new dev.opsledger.contracts.access.BreakGlassReviewed(e.grantId(),
                    e.resourceId(), e.userId(), e.reviewer().id(), e.justified(), e.comment(), e.reviewedAt());
            case BreakGlassReviewOverdue e -> new dev.opsledger.contracts.access.BreakGlassReviewOverdue(e.grantId(),
                    e.resourceId(), e.userId(), e.deadline());
            case AccessReviewOpened e -> new dev.opsledger.contracts.access.AccessReviewOpened(e.reviewId(), e.name(),
                    e.resourceId(), e.reviewerRoles().stream().sorted().toList(), e.items().size(), e.deadline(),
                    e.openedBy().id(), e.openedAt());
            case ReviewItemDecided e -> new AccessReviewItemDecided(e.reviewId(), e.item().grantId(),
                    e.item().resourceId(), e.item().userId(), e.decision().name(), e.reviewer().id(), e.comment(),
                    e.decidedAt());
            case AccessReviewClosed e -> new dev.opsledger.contracts.access.AccessReviewClosed(e.reviewId(), e.kept(),
                    e.revoked(), e.unanswered().size(), e.closedAt());
            case AccessDriftDetected e -> new dev.opsledger.contracts.access.AccessDriftDetected(e.resourceId(),
                    e.target().kind().name(), e.target().name(), e.userId(), e.kind().name(), e.removing(),
                    e.detectedAt());
            case AccessDriftResolved e -> new dev.opsledger.contracts.access.AccessDriftResolved(e.resourceId(),
                    e.userId(), e.kind().name(), e.resolvedAt());
            default -> null;
        });
    }

    private static IntegrationEvent ended(GrantEnded e) {
        return switch (e.reason()) {
            case EXPIRED -> new GrantExpired(e.grantId(), e.resourceId(), e.userId(), e.endedAt(), e.effectiveUntil());
            case REVOKED -> new GrantRevoked(e.grantId(), e.resourceId(), e.userId(), e.endedBy().id(), e.comment(),
                    e.endedAt(), e.effectiveUntil());
            case RELEASED -> new GrantReleased(e.grantId(), e.resourceId(), e.userId(), e.endedAt(),
                    e.effectiveUntil());
        };
    }
}
