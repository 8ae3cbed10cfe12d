package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeGrant(@TargetAggregateIdentifier String grantId, Actor revokedBy, String reason) {
}
