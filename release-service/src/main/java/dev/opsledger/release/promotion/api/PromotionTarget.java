package dev.opsledger.release.promotion.api;

/**
 * Which release goes where. Every promotion event carries it, so projections, the saga and the
 * public-event mapper never need to look a promotion up.
 */
public record PromotionTarget(String applicationId, String releaseId, String version, String environment) {
}
