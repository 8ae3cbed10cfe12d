package dev.opsledger.access.grant.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Keycloak has the membership: the grant's clock starts now. */
public record ActivateGrant(@TargetAggregateIdentifier String grantId) {
}
