package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;

/** Re-promotes the release that ran in {@code environment} before {@code releaseId}. */
public record RollBackRelease(String promotionId, String releaseId, String environment, String reason,
                              Actor requestedBy) {
}
