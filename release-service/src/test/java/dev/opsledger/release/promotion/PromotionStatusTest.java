package dev.opsledger.release.promotion;

import static dev.opsledger.release.support.Lifecycles.DEVELOPER;
import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;
import static dev.opsledger.release.support.Lifecycles.MONDAY_NOON;
import static dev.opsledger.release.support.Lifecycles.RELEASE_MANAGER;
import static dev.opsledger.release.support.PromotionEvents.PROMOTION;
import static dev.opsledger.release.support.PromotionEvents.approved;
import static dev.opsledger.release.support.PromotionEvents.awaiting;
import static dev.opsledger.release.support.PromotionEvents.requested;
import static dev.opsledger.release.support.PromotionEvents.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.release.application.api.WaitReason;
import dev.opsledger.release.promotion.api.DeploymentFailed;
import dev.opsledger.release.promotion.api.DeploymentStarted;
import dev.opsledger.release.promotion.api.DeploymentSucceeded;
import dev.opsledger.release.promotion.api.PromotionCancelled;
import dev.opsledger.release.promotion.api.PromotionEnded;
import dev.opsledger.release.promotion.api.PromotionExpired;
import dev.opsledger.release.promotion.api.PromotionRejected;
import dev.opsledger.release.promotion.api.PromotionStatus;
import dev.opsledger.release.promotion.api.PromotionStep;
import dev.opsledger.release.promotion.api.PromotionWaitingForWindow;
import dev.opsledger.release.support.Lifecycles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PromotionStatusTest {

    private static final List<PromotionEnded> ENDINGS = List.of(
            new PromotionRejected(PROMOTION, target("qa"), DEVELOPER, "no", MONDAY_MORNING),
            new PromotionExpired(PROMOTION, target("qa"), MONDAY_NOON),
            new PromotionCancelled(PROMOTION, target("qa"), DEVELOPER, "superseded"),
            new DeploymentSucceeded(PROMOTION, target("qa"), RELEASE_MANAGER, "https://ci/1"),
            new DeploymentFailed(PROMOTION, target("qa"), RELEASE_MANAGER, "red"));

    private static final List<PromotionStep> STEPS = List.of(requested(Lifecycles.qa()), awaiting(Lifecycles.qa()),
            approved("qa", "alice"),
            new PromotionWaitingForWindow(PROMOTION, target("qa"), MONDAY_NOON, WaitReason.OUTSIDE_WINDOW),
            new DeploymentStarted(PROMOTION, target("qa")));

    @Test
    void givenEveryEventThatEndsAPromotion_whenAskedItsStatus_thenEachIsTerminalAndAllTerminalStatesAreReached() {
        assertThat(ENDINGS).allSatisfy(ended -> assertThat(ended.status().isTerminal()).isTrue());
        assertThat(ENDINGS.stream().map(PromotionStep::status))
                .containsExactlyInAnyOrderElementsOf(Stream.of(PromotionStatus.values())
                        .filter(PromotionStatus::isTerminal).toList());
    }

    @Test
    void givenEveryOtherStep_whenAskedItsStatus_thenNoneIsTerminalAndTogetherTheyAreTheActiveStates() {
        assertThat(STEPS.stream().map(PromotionStep::status))
                .containsExactlyElementsOf(PromotionStatus.active());
    }

    @Test
    void givenTheLifecycle_whenAskedWhatMayHappen_thenOnlyUndeployedOnesMayBeCancelledAndOnlyOutcomesAreLedgered() {
        assertThat(Stream.of(PromotionStatus.values()).filter(PromotionStatus::isBeforeDeployment))
                .containsExactly(PromotionStatus.REQUESTED, PromotionStatus.AWAITING_APPROVAL,
                        PromotionStatus.APPROVED, PromotionStatus.WAITING_FOR_WINDOW);
        assertThat(Stream.of(PromotionStatus.values()).filter(PromotionStatus::isDeploymentOutcome))
                .containsExactly(PromotionStatus.DEPLOYED, PromotionStatus.FAILED);
        assertThat(PromotionStatus.active()).doesNotContain(PromotionStatus.DEPLOYED)
                .contains(PromotionStatus.DEPLOYING);
    }
}
