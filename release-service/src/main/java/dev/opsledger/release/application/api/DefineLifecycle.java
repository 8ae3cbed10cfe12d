package dev.opsledger.release.application.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the lifecycle with a new version; promotions under way keep the version they started with. */
public record DefineLifecycle(@TargetAggregateIdentifier String applicationId, List<EnvironmentRules> environments) {
}
