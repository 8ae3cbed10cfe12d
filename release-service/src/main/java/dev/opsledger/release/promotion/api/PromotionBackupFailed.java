package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/**
 * No backup came of the request (it failed, was refused, or no answer came in time), so nothing
 * was deployed; the promotion ends.
 *
 * @param backupRunId the failed run, or null when none was made
 */
@Revision("1")
public record PromotionBackupFailed(String promotionId, PromotionTarget target, String requestId, String backupRunId,
                                    String reason) implements PromotionEnded {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.FAILED;
    }

    @Override
    public Actor endedBy() {
        return Actor.system("promotion-saga");
    }

    @Override
    public String detail() {
        return "pre-deploy backup failed: " + reason;
    }
}
