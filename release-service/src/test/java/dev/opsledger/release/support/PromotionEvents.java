package dev.opsledger.release.support;

import static dev.opsledger.release.support.Lifecycles.ALICE;
import static dev.opsledger.release.support.Lifecycles.DEVELOPER;
import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;

import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.promotion.api.DeploymentStarted;
import dev.opsledger.release.promotion.api.PromotionApprovalGiven;
import dev.opsledger.release.promotion.api.PromotionApproved;
import dev.opsledger.release.promotion.api.PromotionAwaitingApproval;
import dev.opsledger.release.promotion.api.PromotionRequested;
import dev.opsledger.release.promotion.api.PromotionTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of one promotion ({@link #PROMOTION}: release 1.4.0 of {@link #APP}, requested by
 * the developer on {@link Lifecycles#MONDAY_MORNING}), as the aggregate and the saga tests give it.
 */
public final class PromotionEvents {

    public static final String APP = "app-1";
    public static final String PROMOTION = "promo-1";

    private PromotionEvents() {
    }

    public static PromotionTarget target(String environment) {
        return new PromotionTarget(APP, "rel-1", "1.4.0", environment);
    }

    public static PromotionRequested requested(EnvironmentRules rules) {
        return new PromotionRequested(PROMOTION, target(rules.name()), 1, rules, DEVELOPER, MONDAY_MORNING, null, null);
    }

    public static PromotionAwaitingApproval awaiting(EnvironmentRules rules) {
        return new PromotionAwaitingApproval(PROMOTION, target(rules.name()), rules.approvalPolicy(), DEVELOPER.id(),
                deadlineOf(rules));
    }

    /** When the approvals of a promotion requested on Monday morning are due. */
    public static Instant deadlineOf(EnvironmentRules rules) {
        return MONDAY_MORNING.plus(rules.approvalPolicy().decisionTimeout());
    }

    public static PromotionApproved approved(String environment, String... approvers) {
        return new PromotionApproved(PROMOTION, target(environment), List.of(approvers));
    }

    /** Requested, awaiting approval, and approved by Alice alone. */
    public static Object[] approvedFor(EnvironmentRules rules) {
        return new Object[] {requested(rules), awaiting(rules),
                new PromotionApprovalGiven(PROMOTION, target(rules.name()), ALICE, "ok", MONDAY_MORNING, 0),
                approved(rules.name(), ALICE.name())};
    }

    /** {@link #approvedFor} and the deployment started. */
    public static Object[] deployingTo(EnvironmentRules rules) {
        List<Object> events = new ArrayList<>(List.of(approvedFor(rules)));
        events.add(new DeploymentStarted(PROMOTION, target(rules.name())));
        return events.toArray();
    }
}
