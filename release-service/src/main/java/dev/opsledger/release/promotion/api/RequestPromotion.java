package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;

/** Asks to deploy a release to an environment; the requester comes from the caller's token. */
public record RequestPromotion(String promotionId, String releaseId, String environment, Actor requestedBy) {
}
