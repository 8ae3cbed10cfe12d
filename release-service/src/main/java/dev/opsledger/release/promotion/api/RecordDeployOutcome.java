package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * automation-service answered the deploy request: the run succeeded, or it failed, timed out, was
 * rejected, cancelled or refused ({@code outcome}, with the exit code when a process ran).
 *
 * @param runId null when the request was refused before a run existed
 */
public record RecordDeployOutcome(@TargetAggregateIdentifier String promotionId, String requestId, String runId,
                                  boolean succeeded, String outcome, Integer exitCode, String reason) {
}
