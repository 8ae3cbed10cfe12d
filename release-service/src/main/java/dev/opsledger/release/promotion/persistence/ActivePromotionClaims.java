package dev.opsledger.release.promotion.persistence;

import dev.opsledger.platform.persistence.ClaimTable;
import dev.opsledger.release.promotion.api.PromotionEnded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Frees the environment when a promotion ends. Runs in a subscribing processor (see
 * {@code ReleaseServiceConfiguration}), so the claim disappears in the same transaction as the
 * event that ends the promotion: the next request can never see a stale claim, nor a missing one.
 */
@Component
@ProcessingGroup(ActivePromotionClaims.PROCESSING_GROUP)
public class ActivePromotionClaims {

    public static final String PROCESSING_GROUP = "active-promotion-claims";

    private final ClaimTable table;

    ActivePromotionClaims(JdbcClient jdbc) {
        this.table = table(jdbc);
    }

    /** One active promotion per application and environment, held by the promotion. */
    static ClaimTable table(JdbcClient jdbc) {
        return ClaimTable.of(jdbc, "active_promotion").keyedBy("application_id", "environment").heldBy("promotion_id");
    }

    @EventHandler
    void on(PromotionEnded event) {
        release(event.promotionId());
    }

    private void release(String promotionId) {
        table.release(promotionId);
    }
}
