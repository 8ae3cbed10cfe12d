package dev.opsledger.access.grant.api;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga when an extension request is approved: the expiry moves by {@code duration}. */
public record ExtendGrant(@TargetAggregateIdentifier String grantId, String requestId, Duration duration) {
}
