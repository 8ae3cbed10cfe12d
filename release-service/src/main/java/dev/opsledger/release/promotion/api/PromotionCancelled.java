package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/** Withdrawn before deployment; the promotion ends. */
@Revision("1")
public record PromotionCancelled(String promotionId, PromotionTarget target, Actor cancelledBy, String reason) {
}
