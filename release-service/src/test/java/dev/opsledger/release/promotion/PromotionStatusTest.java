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
import dev.opsledger.release.promotion.api.DeployTaskFailed;
import dev.opsledger.release.promotion.api.DeployTaskSucceeded;
import dev.opsledger.release.promotion.api.DeploymentFailed;
import dev.opsledger.release.promotion.api.PromotionBackupFailed;
import dev.opsledger.release.promotion.api.PromotionBackupRequested;
import dev.opsledger.release.promotion.api.PromotionBackupTaken;
import dev.opsledger.release.promotion.api.PromotionDeployRunRecorded;
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
            new DeploymentFailed(PROMOTION, target("qa"), RELEASE_MANAGER, "red"),
            new PromotionBackupFailed(PROMOTION, target("prod"), "r-1", null, "backup-answer-missing"),
            new DeployTaskSucceeded(PROMOTION, target("prod"), "run-1", 0, "/log"),
            new DeployTaskFailed(PROMOTION, target("prod"), "run-1", "FAILED", 3, "boom", "/log"));

    private static final List<PromotionStep> STEPS = List.of(requested(Lifecycles.qa()), awaiting(Lifecycles.qa()),
            approved("qa", "alice"),
            new PromotionWaitingForWindow(PROMOTION, target("qa"), MONDAY_NOON, WaitReason.OUTSIDE_WINDOW),
            new PromotionBackupRequested(PROMOTION, target("prod"), "r-1", "policy-1", DEVELOPER.id()),
            new PromotionBackupTaken(PROMOTION, target("prod"), "r-1", "run-b", "ab"),
            new DeploymentStarted(PROMOTION, target("qa")),
            new PromotionDeployRunRecorded(PROMOTION, target("prod"), "r-2", "run-1", true));

    @Test
    void givenEveryEventThatEndsAPromotion_whenAskedItsStatus_thenEachIsTerminalAndAllTerminalStatesAreReached() {
        assertThat(ENDINGS).allSatisfy(ended -> assertThat(ended.status().isTerminal()).isTrue());
        assertThat(ENDINGS.stream().map(PromotionStep::status).distinct())
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
                        PromotionStatus.APPROVED, PromotionStatus.WAITING_FOR_WINDOW, PromotionStatus.BACKING_UP,
                        PromotionStatus.BACKED_UP);
        assertThat(Stream.of(PromotionStatus.values()).filter(PromotionStatus::isDeploying))
                .containsExactly(PromotionStatus.DEPLOYING, PromotionStatus.AWAITING_DEPLOY_APPROVAL);
        assertThat(Stream.of(PromotionStatus.values()).filter(PromotionStatus::isDeploymentOutcome))
                .containsExactly(PromotionStatus.DEPLOYED, PromotionStatus.FAILED);
        assertThat(PromotionStatus.active()).doesNotContain(PromotionStatus.DEPLOYED)
                .contains(PromotionStatus.DEPLOYING);
    }
}
