package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;

/**
 * An event that ends a promotion, whatever the outcome. The saga, the environment claim and the
 * projections each handle this one type, so a new way to end (a rollback, a failed backup) is a
 * new implementation, not a new handler in every reader.
 */
public interface PromotionEnded extends PromotionStep {

    /** Who ended it; {@code null} when nobody did (the approval deadline passed). */
    Actor endedBy();

    /** The reason or evidence that came with the end. */
    String detail();
}
