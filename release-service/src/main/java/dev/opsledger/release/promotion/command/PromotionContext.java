package dev.opsledger.release.promotion.command;

import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.application.command.ApplicationSnapshot;
import dev.opsledger.release.release.api.ReleaseCodes;
import dev.opsledger.release.release.command.ReleaseSnapshot;

/**
 * What a new promotion needs from outside its own aggregate. Implementations read the release
 * and application aggregates and write the environment claim in the promotion's own unit of work
 * and transaction, so a check and the event it allows are committed together.
 */
public interface PromotionContext {


    /** @throws dev.opsledger.platform.error.BusinessRuleViolation {@value #ReleaseCodes.NOT_FOUND} */
    ReleaseSnapshot release(String releaseId);

    /** @throws dev.opsledger.platform.error.BusinessRuleViolation {@value #ApplicationCodes.NOT_FOUND} */
    ApplicationSnapshot application(String applicationId);

    /**
     * Marks {@code environment} of {@code applicationId} as busy with {@code promotionId} until the
     * promotion ends; {@code false} when another promotion holds it.
     */
    boolean claimEnvironment(String applicationId, String environment, String promotionId);
}
