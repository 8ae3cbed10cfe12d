package dev.opsledger.automation.run.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectRun(@TargetAggregateIdentifier String runId, Actor approver, String reason) {
}
