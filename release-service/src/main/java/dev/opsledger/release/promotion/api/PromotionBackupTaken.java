package dev.opsledger.release.promotion.api;

import org.axonframework.serialization.Revision;

/** The pre-deploy backup exists: its run and checksum are the evidence a rollback can rely on. */
@Revision("1")
public record PromotionBackupTaken(String promotionId, PromotionTarget target, String requestId, String backupRunId,
                                   String sha256) implements PromotionStep {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.BACKED_UP;
    }
}
