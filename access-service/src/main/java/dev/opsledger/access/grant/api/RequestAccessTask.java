package dev.opsledger.access.grant.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The grant saga asks the grant of an external resource to run its provisioning or deprovisioning task. */
public record RequestAccessTask(@TargetAggregateIdentifier String grantId, AccessTaskStep step) {
}
