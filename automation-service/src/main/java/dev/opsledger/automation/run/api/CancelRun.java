package dev.opsledger.automation.run.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelRun(@TargetAggregateIdentifier String runId, Actor cancelledBy, String reason) {
}
