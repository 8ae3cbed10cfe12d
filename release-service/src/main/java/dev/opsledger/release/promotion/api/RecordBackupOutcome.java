package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * backup-service answered the pre-deploy backup: taken ({@code backupRunId}, {@code sha256}) or not
 * ({@code reason}; a refused request has no run).
 */
public record RecordBackupOutcome(@TargetAggregateIdentifier String promotionId, String requestId,
                                  boolean succeeded, String backupRunId, String sha256, String reason) {
}
