package dev.opsledger.release.environment.query;

import dev.opsledger.release.promotion.query.PromotionView;
import java.time.Instant;
import java.util.List;

/**
 * Which version runs in which environment of an application, in lifecycle order.
 *
 * @param environments one entry per environment of the current lifecycle, plus any environment
 *                     that still runs something after leaving the lifecycle
 */
public record BoardView(String applicationId, int lifecycleVersion, List<Slot> environments) {

    /**
     * @param current  what runs there now, or {@code null}
     * @param incoming the promotion under way to this environment, or {@code null}
     */
    public record Slot(String environment, Deployed current, PromotionView incoming) {
    }

    public record Deployed(String releaseId, String version, String promotionId, Instant deployedAt) {
    }
}
