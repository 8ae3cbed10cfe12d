package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.release.application.api.EnvironmentRules;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A promotion began. It carries a copy of the environment's rules as they were in lifecycle
 * version {@code lifecycleVersion}: the promotion follows them to its end, whatever changes later.
 *
 * @param rollbackOf the release being rolled back, or {@code null} for an ordinary promotion
 * @param reason     why (required for a rollback), or {@code null}
 */
@Revision("1")
public record PromotionRequested(String promotionId, PromotionTarget target, int lifecycleVersion,
                                 EnvironmentRules rules, Actor requestedBy, Instant requestedAt, String rollbackOf,
                                 String reason) implements PromotionStep {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.REQUESTED;
    }
}
