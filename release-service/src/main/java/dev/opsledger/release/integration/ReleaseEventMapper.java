package dev.opsledger.release.integration;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.release.DeploymentFailed;
import dev.opsledger.contracts.release.DeploymentStarted;
import dev.opsledger.contracts.release.DeploymentSucceeded;
import dev.opsledger.contracts.release.FreezeOverridden;
import dev.opsledger.contracts.release.PromotionApproved;
import dev.opsledger.contracts.release.PromotionCancelled;
import dev.opsledger.contracts.release.PromotionExpired;
import dev.opsledger.contracts.release.PromotionRejected;
import dev.opsledger.contracts.release.PromotionRequested;
import dev.opsledger.contracts.release.ReleaseCreated;
import dev.opsledger.contracts.release.ReleaseRolledBack;
import dev.opsledger.platform.kafka.IntegrationEventMapper;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.release.promotion.api.PromotionTarget;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns internal events into the public records of {@code dev.opsledger.contracts.release}.
 * Steps only the service cares about (awaiting approval, single votes, waiting for a window,
 * what the application records) stay private. A rollback's request is published as
 * {@link ReleaseRolledBack} (one public event per internal one: the CloudEvent id is the event id).
 */
@Component
class ReleaseEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<? extends IntegrationEvent> map(EventMessage<?> message) {
        Instant at = message.getTimestamp();
        String actor = MetadataKeys.actorIdOf(message);
        return Optional.ofNullable(switch (message.getPayload()) {
            case dev.opsledger.release.release.api.ReleaseCreated e -> new ReleaseCreated(e.releaseId(),
                    e.applicationId(), e.version(), e.commitSha(), e.artifactReference(), actor, at);
            case dev.opsledger.release.promotion.api.PromotionRequested e when e.rollbackOf() != null ->
                    new ReleaseRolledBack(e.rollbackOf(), e.target().applicationId(), e.target().environment(),
                            e.target().releaseId(), e.target().version(), e.promotionId(), e.reason(),
                            e.requestedBy().id(), e.requestedAt());
            case dev.opsledger.release.promotion.api.PromotionRequested e -> requested(e);
            case dev.opsledger.release.promotion.api.PromotionApproved e -> new PromotionApproved(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().environment(), e.approvers(), at);
            case dev.opsledger.release.promotion.api.PromotionRejected e -> new PromotionRejected(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().environment(), e.rejectedBy().id(),
                    e.reason(), e.rejectedAt());
            case dev.opsledger.release.promotion.api.PromotionExpired e -> new PromotionExpired(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().environment(), e.deadline());
            case dev.opsledger.release.promotion.api.PromotionCancelled e -> new PromotionCancelled(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().environment(),
                    e.cancelledBy().id(), e.reason(), at);
            case dev.opsledger.release.promotion.api.FreezeOverridden e -> new FreezeOverridden(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().environment(), e.admin().id(),
                    e.reason(), at);
            case dev.opsledger.release.promotion.api.DeploymentStarted e -> new DeploymentStarted(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().version(), e.target().environment(),
                    at);
            case dev.opsledger.release.promotion.api.DeploymentSucceeded e -> new DeploymentSucceeded(
                    e.promotionId(), releaseOf(e.target()), e.target().applicationId(), e.target().version(),
                    e.target().environment(), e.evidenceUrl(), e.recordedBy().id(), at);
            case dev.opsledger.release.promotion.api.DeploymentFailed e -> new DeploymentFailed(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().version(), e.target().environment(),
                    e.reason(), e.recordedBy().id(), at);
            case dev.opsledger.release.promotion.api.DeployTaskSucceeded e -> new DeploymentSucceeded(
                    e.promotionId(), releaseOf(e.target()), e.target().applicationId(), e.target().version(),
                    e.target().environment(), e.logUrl(), e.endedBy().id(), at);
            case dev.opsledger.release.promotion.api.DeployTaskFailed e -> new DeploymentFailed(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().version(), e.target().environment(),
                    e.detail(), e.endedBy().id(), at);
            case dev.opsledger.release.promotion.api.PromotionBackupFailed e -> new DeploymentFailed(e.promotionId(),
                    releaseOf(e.target()), e.target().applicationId(), e.target().version(), e.target().environment(),
                    e.detail(), e.endedBy().id(), at);
            default -> null;
        });
    }

    private static PromotionRequested requested(dev.opsledger.release.promotion.api.PromotionRequested e) {
        var policy = e.rules().approvalPolicy();
        return new PromotionRequested(e.promotionId(), e.target().releaseId(), e.target().applicationId(),
                e.target().version(), e.target().environment(), e.lifecycleVersion(),
                policy == null ? 0 : policy.requiredApprovals(),
                policy == null ? null : e.requestedAt().plus(policy.decisionTimeout()),
                e.requestedBy().id(), e.requestedAt());
    }

    private static String releaseOf(PromotionTarget target) {
        return target.releaseId();
    }
}
