package dev.opsledger.release.promotion.command;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.application.command.ApplicationSnapshot;
import dev.opsledger.release.application.command.DeploymentHistory.DeployedRelease;
import dev.opsledger.release.application.command.DeploymentHistory;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.release.command.ReleaseSnapshot;
import java.util.function.Function;

/**
 * The rules for letting a release into an environment, decided before a promotion exists: the
 * lifecycle order for an ordinary promotion, "what ran before" for a rollback.
 *
 * @param rollbackOf the release a rollback replaces, or {@code null}
 */
record PromotionEntry(ReleaseSnapshot release, String environment, EnvironmentRules rules, int lifecycleVersion,
                      String rollbackOf) {

    /** A release may enter an environment only after it ran in the one before it. */
    static PromotionEntry forward(ReleaseSnapshot release, ApplicationSnapshot application, String environment) {
        Lifecycle lifecycle = lifecycleOf(application);
        EnvironmentRules rules = lifecycle.rulesFor(environment);
        lifecycle.previous(environment)
                .filter(previous -> !application.history().wasDeployed(previous, release.releaseId()))
                .ifPresent(previous -> {
                    throw BusinessRuleViolation.unprocessable(PromotionCodes.OUT_OF_ORDER, "Release "
                            + release.version() + " must be deployed to " + previous + " before " + environment);
                });
        return new PromotionEntry(release, environment, rules, application.lifecycleVersion(), null);
    }

    /** Brings back what ran in {@code environment} before {@code current}, which must be running there now. */
    static PromotionEntry rollback(ReleaseSnapshot current, ApplicationSnapshot application, String environment,
                                   Function<String, ReleaseSnapshot> releases) {
        EnvironmentRules rules = lifecycleOf(application).rulesFor(environment);
        DeploymentHistory history = application.history();
        if (!history.current(environment).map(r -> r.releaseId().equals(current.releaseId())).orElse(false)) {
            throw BusinessRuleViolation.unprocessable(PromotionCodes.ROLLBACK_NOT_CURRENT,
                    "Release " + current.version() + " is not what runs in " + environment);
        }
        DeployedRelease previous = history.previous(environment)
                .orElseThrow(() -> BusinessRuleViolation.unprocessable(PromotionCodes.NOTHING_TO_ROLL_BACK_TO,
                        "No earlier release ran in " + environment));
        return new PromotionEntry(releases.apply(previous.releaseId()), environment, rules,
                application.lifecycleVersion(), current.releaseId());
    }

    private static Lifecycle lifecycleOf(ApplicationSnapshot application) {
        if (application.lifecycle() == null) {
            throw BusinessRuleViolation.unprocessable(Lifecycle.UNKNOWN_ENVIRONMENT,
                    "The application has no lifecycle yet");
        }
        return application.lifecycle();
    }
}
