package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin lets a promotion deploy during a freeze. */
public record OverrideFreeze(@TargetAggregateIdentifier String promotionId, Actor admin, String reason) {
}
