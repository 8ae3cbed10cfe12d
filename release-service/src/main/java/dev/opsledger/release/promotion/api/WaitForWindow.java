package dev.opsledger.release.promotion.api;

import dev.opsledger.release.application.api.WaitReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga: the deployment may not start before {@code until}. */
public record WaitForWindow(@TargetAggregateIdentifier String promotionId, Instant until, WaitReason reason) {
}
