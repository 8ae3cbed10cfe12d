package dev.opsledger.release.promotion.api;

import org.axonframework.serialization.Revision;

/**
 * The promotion asked backup-service for a backup before deploying (sent as {@code take-backup}).
 *
 * @param requestId   derived from the promotion and the attempt; backup-service's idempotency key
 * @param requestedBy actor id of the person who asked for the promotion
 */
@Revision("1")
public record PromotionBackupRequested(String promotionId, PromotionTarget target, String requestId,
                                       String backupPolicyRef, String requestedBy) implements PromotionStep {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.BACKING_UP;
    }
}
