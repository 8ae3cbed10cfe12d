package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/**
 * The deploy task did not deploy: its run failed, timed out, was rejected or cancelled, the request
 * was refused, or no answer came in time ({@link PromotionCodes#DEPLOY_ANSWER_MISSING}).
 *
 * @param runId    the run, or null when none is known
 * @param outcome  FAILED, TIMED_OUT, INTERRUPTED, REJECTED, EXPIRED, CANCELLED, REFUSED or ANSWER_MISSING
 * @param exitCode the process's exit code (or HTTP status), when one ran
 * @param logUrl   the run's log, when there is a run
 */
@Revision("1")
public record DeployTaskFailed(String promotionId, PromotionTarget target, String runId, String outcome,
                               Integer exitCode, String reason, String logUrl) implements PromotionEnded {

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
        return outcome + (exitCode == null ? "" : " (exit code " + exitCode + ")") + ": " + reason
                + (logUrl == null ? "" : " — " + logUrl);
    }
}
