package dev.opsledger.access.grant.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Keycloak no longer has the membership and the user's sessions are gone. */
public record CompleteDeprovisioning(@TargetAggregateIdentifier String grantId) {
}
