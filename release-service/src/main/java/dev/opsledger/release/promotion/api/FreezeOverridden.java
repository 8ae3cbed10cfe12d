package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/** An admin allowed this promotion to deploy during freezes. */
@Revision("1")
public record FreezeOverridden(String promotionId, PromotionTarget target, Actor admin, String reason) {
}
