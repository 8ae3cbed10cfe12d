package dev.opsledger.release.promotion.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Nobody decided before the deadline; the promotion ends. */
@Revision("1")
public record PromotionExpired(String promotionId, PromotionTarget target, Instant deadline) {
}
