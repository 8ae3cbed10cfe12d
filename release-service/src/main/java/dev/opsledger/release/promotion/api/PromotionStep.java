package dev.opsledger.release.promotion.api;

/**
 * An event that moves a promotion into a {@link PromotionStatus}. The aggregate and the read side
 * take the new state from the event instead of each keeping its own event-to-state table.
 */
public interface PromotionStep {

    String promotionId();

    PromotionTarget target();

    /** The state the promotion is in after this event. */
    PromotionStatus status();
}
