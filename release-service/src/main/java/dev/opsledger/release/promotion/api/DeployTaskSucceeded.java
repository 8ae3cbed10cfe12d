package dev.opsledger.release.promotion.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

/** The deploy task's run succeeded: the release runs in the environment; its log is the evidence. */
@Revision("1")
public record DeployTaskSucceeded(String promotionId, PromotionTarget target, String runId, Integer exitCode,
                                  String logUrl) implements PromotionEnded {

    @Override
    public PromotionStatus status() {
        return PromotionStatus.DEPLOYED;
    }

    @Override
    public Actor endedBy() {
        return Actor.system("promotion-saga");
    }

    @Override
    public String detail() {
        return logUrl;
    }
}
