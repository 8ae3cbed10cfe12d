package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The grantee gives access back before it expires. */
public record ReleaseGrant(@TargetAggregateIdentifier String grantId, Actor grantee) {
}
