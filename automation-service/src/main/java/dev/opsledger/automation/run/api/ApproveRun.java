package dev.opsledger.automation.run.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param digest the inputs the approver looked at; when given, it must be the run's */
public record ApproveRun(@TargetAggregateIdentifier String runId, Actor approver, String digest, String comment) {
}
