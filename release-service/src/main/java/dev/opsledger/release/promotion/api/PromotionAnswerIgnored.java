package dev.opsledger.release.promotion.api;

import org.axonframework.serialization.Revision;

/**
 * An answer from another service that came after its deadline, a second time, or for a request the
 * promotion no longer waits for. Recorded so the history shows it arrived; it changes nothing.
 *
 * @param answer what it said, e.g. "backup succeeded (run r-1)"
 * @param why    why it changes nothing, e.g. "the promotion already ended as FAILED"
 */
@Revision("1")
public record PromotionAnswerIgnored(String promotionId, String requestId, String answer, String why) {
}
