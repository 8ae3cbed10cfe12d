package dev.opsledger.backup.run.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks for a test restore of a successful backup. */
public record VerifyBackupRun(@TargetAggregateIdentifier String runId, Actor requestedBy) {
}
