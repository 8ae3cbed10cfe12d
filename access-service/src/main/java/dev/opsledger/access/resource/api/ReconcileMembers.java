package dev.opsledger.access.resource.api;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the reconciliation found for a resource: users Keycloak has without a grant, and active
 * grants Keycloak lacks. The handler answers the users to remove now (none unless the rules say so).
 */
public record ReconcileMembers(@TargetAggregateIdentifier String resourceId, Set<String> unmanaged,
                               Set<String> missing) {
}
