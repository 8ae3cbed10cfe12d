package dev.opsledger.access.resource.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the reconciliation once Keycloak confirmed it removed an unmanaged member. */
public record RecordUnmanagedMemberRemoved(@TargetAggregateIdentifier String resourceId, String userId) {
}
