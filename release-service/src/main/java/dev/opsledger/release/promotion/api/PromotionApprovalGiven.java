package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One approval; {@code stillNeeded} more are required. */
@Revision("1")
public record PromotionApprovalGiven(String promotionId, PromotionTarget target, Actor approver, String comment,
                                     Instant approvedAt, int stillNeeded) {
}
