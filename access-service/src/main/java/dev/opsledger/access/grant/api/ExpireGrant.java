package dev.opsledger.access.grant.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga's expiry deadline. */
public record ExpireGrant(@TargetAggregateIdentifier String grantId) {
}
