package dev.opsledger.release.promotion;

import static dev.opsledger.release.support.Lifecycles.ADMIN;
import static dev.opsledger.release.support.Lifecycles.ALICE;
import static dev.opsledger.release.support.Lifecycles.BOB;
import static dev.opsledger.release.support.Lifecycles.DEVELOPER;
import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;
import static dev.opsledger.release.support.Lifecycles.MONDAY_NOON;
import static dev.opsledger.release.support.Lifecycles.RELEASE_MANAGER;
import static dev.opsledger.release.support.PromotionEvents.APP;
import static dev.opsledger.release.support.PromotionEvents.PROMOTION;
import static dev.opsledger.release.support.PromotionEvents.approvedFor;
import static dev.opsledger.release.support.PromotionEvents.awaiting;
import static dev.opsledger.release.support.PromotionEvents.deployingTo;
import static dev.opsledger.release.support.PromotionEvents.requested;
import static dev.opsledger.release.support.PromotionEvents.target;
import static dev.opsledger.testkit.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.FreezePeriod;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.application.api.WaitReason;
import dev.opsledger.release.application.command.DeploymentHistory;
import dev.opsledger.release.application.command.DeploymentHistory.DeployedRelease;
import dev.opsledger.release.promotion.api.*;
import dev.opsledger.release.promotion.command.Promotion;
import dev.opsledger.release.promotion.command.PromotionContext;
import dev.opsledger.release.promotion.command.PromotionErrors;
import dev.opsledger.release.support.FakePromotionContext;
import dev.opsledger.release.support.Lifecycles;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PromotionTest {

    static final Actor OTHER_DEVELOPER = new Actor("u-dev2", "dev2", Set.of("developer"));
    static final FreezePeriod FREEZE = new FreezePeriod(MONDAY_MORNING.minusSeconds(3600),
            MONDAY_MORNING.plus(Duration.ofDays(2)), "year-end freeze");

    private final MutableClock clock = MutableClock.at(MONDAY_MORNING);
    private FakePromotionContext context;
    private AggregateTestFixture<Promotion> fixture;

    @BeforeEach
    void setUp() {
        context = new FakePromotionContext()
                .withRelease("rel-0", APP, "1.3.0")
                .withRelease("rel-1", APP, "1.4.0");
        deployed(DeploymentHistory.NONE.with("dev", new DeployedRelease("rel-1", "1.4.0", "p-d")));
        fixture = new AggregateTestFixture<>(Promotion.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(context);
    }

    private void deployed(DeploymentHistory history) {
        context.withApplication(APP, new Lifecycle(List.of(Lifecycles.dev(), Lifecycles.qa(), Lifecycles.prod(FREEZE))),
                history);
    }

    @Nested
    class Requesting {

        @Test
        void givenReleaseDeployedToDev_whenRequestPromotionToQa_thenRequestedAwaitingApprovalAndEnvironmentClaimed() {
            fixture.givenNoPriorActivity()
                    .when(new RequestPromotion(PROMOTION, "rel-1", "qa", DEVELOPER))
                    .expectEvents(requested(Lifecycles.qa()), awaiting(Lifecycles.qa()));
            assertThat(context.claimOf(APP, "qa")).isEqualTo(PROMOTION);
        }

        @Test
        void givenEnvironmentWithoutApprovalPolicy_whenRequestPromotion_thenApprovedAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(new RequestPromotion(PROMOTION, "rel-0", "dev", DEVELOPER))
                    .expectEvents(
                            new PromotionRequested(PROMOTION, new PromotionTarget(APP, "rel-0", "1.3.0", "dev"), 1,
                                    Lifecycles.dev(), DEVELOPER, MONDAY_MORNING, null, null),
                            new PromotionApproved(PROMOTION, new PromotionTarget(APP, "rel-0", "1.3.0", "dev"),
                                    List.of()));
        }

        @Test
        void givenReleaseNotYetInQa_whenRequestPromotionToProd_thenOutOfOrderAndNothingClaimed() {
            fixture.givenNoPriorActivity()
                    .when(new RequestPromotion(PROMOTION, "rel-1", "prod", DEVELOPER))
                    .expectException(violation(PromotionErrors.OUT_OF_ORDER))
                    .expectNoEvents();
            assertThat(context.claimOf(APP, "prod")).isNull();
        }

        @Test
        void givenUnknownEnvironment_whenRequestPromotion_thenEnvironmentUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new RequestPromotion(PROMOTION, "rel-1", "staging", DEVELOPER))
                    .expectException(violation(Lifecycle.UNKNOWN_ENVIRONMENT))
                    .expectNoEvents();
        }

        @Test
        void givenApplicationWithoutLifecycle_whenRequestPromotion_thenEnvironmentUnknown() {
            context.withApplication(APP, null, DeploymentHistory.NONE);
            fixture.givenNoPriorActivity()
                    .when(new RequestPromotion(PROMOTION, "rel-1", "dev", DEVELOPER))
                    .expectException(violation(Lifecycle.UNKNOWN_ENVIRONMENT))
                    .expectNoEvents();
        }

        @Test
        void givenAnotherPromotionToQaUnderWay_whenRequestPromotion_thenAlreadyActive() {
            context.withClaim(APP, "qa", "promo-0");
            fixture.givenNoPriorActivity()
                    .when(new RequestPromotion(PROMOTION, "rel-1", "qa", DEVELOPER))
                    .expectException(violation(PromotionErrors.ALREADY_ACTIVE))
                    .expectNoEvents();
        }

        @Test
        void givenUnknownRelease_whenRequestPromotion_thenReleaseNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new RequestPromotion(PROMOTION, "rel-9", "dev", DEVELOPER))
                    .expectException(violation(PromotionContext.RELEASE_NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approving {

        private final EnvironmentRules prod = Lifecycles.prod(FREEZE);

        @Test
        void givenTwoApprovalsNeeded_whenFirstApproves_thenOneMoreNeeded() {
            fixture.given(requested(prod), awaiting(prod))
                    .when(new ApprovePromotion(PROMOTION, ALICE, "looks good"))
                    .expectEvents(new PromotionApprovalGiven(PROMOTION, target("prod"), ALICE, "looks good",
                            MONDAY_MORNING, 1));
        }

        @Test
        void givenOneApprovalGiven_whenSecondApproverApproves_thenApproved() {
            fixture.given(requested(prod), awaiting(prod),
                            new PromotionApprovalGiven(PROMOTION, target("prod"), ALICE, "ok", MONDAY_MORNING, 1))
                    .when(new ApprovePromotion(PROMOTION, BOB, "ok too"))
                    .expectEvents(
                            new PromotionApprovalGiven(PROMOTION, target("prod"), BOB, "ok too", MONDAY_MORNING, 0),
                            new PromotionApproved(PROMOTION, target("prod"), List.of("alice", "bob")));
        }

        @Test
        void givenOneApprovalGiven_whenSameApproverApprovesAgain_thenAlreadyDecided() {
            fixture.given(requested(prod), awaiting(prod),
                            new PromotionApprovalGiven(PROMOTION, target("prod"), ALICE, "ok", MONDAY_MORNING, 1))
                    .when(new ApprovePromotion(PROMOTION, ALICE, "again"))
                    .expectException(violation(Approvals.ALREADY_DECIDED))
                    .expectNoEvents();
        }

        @Test
        void givenFourEyes_whenRequesterApproves_thenSelfApproval() {
            Actor requesterWhoIsApprover = new Actor(DEVELOPER.id(), DEVELOPER.name(), Set.of("approver"));
            fixture.given(requested(prod), awaiting(prod))
                    .when(new ApprovePromotion(PROMOTION, requesterWhoIsApprover, "mine"))
                    .expectException(violation(Approvals.SELF_APPROVAL))
                    .expectNoEvents();
        }

        @Test
        void givenApproverRole_whenDeveloperApproves_thenRoleNotAllowed() {
            fixture.given(requested(prod), awaiting(prod))
                    .when(new ApprovePromotion(PROMOTION, OTHER_DEVELOPER, "sure"))
                    .expectException(violation(Approvals.ROLE_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void givenDeadlinePassed_whenApprove_thenDeadlinePassed() {
            clock.set(MONDAY_MORNING.plus(Duration.ofHours(8)));
            fixture.given(requested(prod), awaiting(prod))
                    .when(new ApprovePromotion(PROMOTION, ALICE, "late"))
                    .expectException(violation(Approvals.DEADLINE_PASSED))
                    .expectNoEvents();
        }

        @Test
        void givenAwaitingApproval_whenReject_thenRejected() {
            fixture.given(requested(prod), awaiting(prod))
                    .when(new RejectPromotion(PROMOTION, BOB, "missing migration notes"))
                    .expectEvents(new PromotionRejected(PROMOTION, target("prod"), BOB, "missing migration notes",
                            MONDAY_MORNING));
        }

        @Test
        void givenAwaitingApproval_whenRejectWithoutReason_thenReasonRequired() {
            fixture.given(requested(prod), awaiting(prod))
                    .when(new RejectPromotion(PROMOTION, BOB, " "))
                    .expectException(violation(PromotionErrors.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void givenRejected_whenApprove_thenClosed() {
            fixture.given(requested(prod), awaiting(prod),
                            new PromotionRejected(PROMOTION, target("prod"), BOB, "no", MONDAY_MORNING))
                    .when(new ApprovePromotion(PROMOTION, ALICE, "yes"))
                    .expectException(violation(Approvals.CLOSED))
                    .expectNoEvents();
        }

        @Test
        void givenNoApprovalNeeded_whenApprove_thenClosed() {
            fixture.given(requested(Lifecycles.dev()), new PromotionApproved(PROMOTION, target("dev"), List.of()))
                    .when(new ApprovePromotion(PROMOTION, ALICE, "yes"))
                    .expectException(violation(Approvals.CLOSED))
                    .expectNoEvents();
        }

        @Test
        void givenCancelled_whenApprove_thenClosed() {
            fixture.given(requested(prod), awaiting(prod),
                            new PromotionCancelled(PROMOTION, target("prod"), DEVELOPER, "wrong build"))
                    .when(new ApprovePromotion(PROMOTION, ALICE, "yes"))
                    .expectException(violation(Approvals.CLOSED))
                    .expectNoEvents();
        }

        @Test
        void givenDeadlinePassed_whenExpire_thenExpired() {
            clock.set(MONDAY_MORNING.plus(Duration.ofHours(8)));
            fixture.given(requested(prod), awaiting(prod))
                    .when(new ExpirePromotion(PROMOTION))
                    .expectEvents(new PromotionExpired(PROMOTION, target("prod"),
                            MONDAY_MORNING.plus(Duration.ofHours(8))));
        }

        @Test
        void givenDeadlineAhead_whenExpire_thenNotYetDue() {
            fixture.given(requested(prod), awaiting(prod))
                    .when(new ExpirePromotion(PROMOTION))
                    .expectException(violation(Approvals.NOT_YET_DUE))
                    .expectNoEvents();
        }
    }

    @Nested
    class Cancelling {

        private final EnvironmentRules qa = Lifecycles.qa();

        @Test
        void givenAwaitingApproval_whenRequesterCancels_thenCancelled() {
            fixture.given(requested(qa), awaiting(qa))
                    .when(new CancelPromotion(PROMOTION, DEVELOPER, "wrong build"))
                    .expectEvents(new PromotionCancelled(PROMOTION, target("qa"), DEVELOPER, "wrong build"));
        }

        @Test
        void givenSomeoneElsesPromotion_whenDeveloperCancels_thenRoleNotAllowed() {
            fixture.given(requested(qa), awaiting(qa))
                    .when(new CancelPromotion(PROMOTION, OTHER_DEVELOPER, "mine now"))
                    .expectException(violation(PromotionErrors.ROLE_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void givenDeploying_whenReleaseManagerCancels_thenWrongState() {
            fixture.given(deployingTo(qa))
                    .when(new CancelPromotion(PROMOTION, RELEASE_MANAGER, "too late"))
                    .expectException(violation(PromotionErrors.WRONG_STATE))
                    .expectNoEvents();
        }
    }

    @Nested
    class WindowsAndFreezes {

        private final EnvironmentRules qa = Lifecycles.qa();
        private final EnvironmentRules prod = Lifecycles.prod(FREEZE);

        @Test
        void givenApproved_whenWaitForWindow_thenWaiting() {
            fixture.given(approvedFor(qa))
                    .when(new WaitForWindow(PROMOTION, MONDAY_NOON, WaitReason.OUTSIDE_WINDOW))
                    .expectEvents(new PromotionWaitingForWindow(PROMOTION, target("qa"), MONDAY_NOON,
                            WaitReason.OUTSIDE_WINDOW));
        }

        @Test
        void givenApprovedOutsideTheWindow_whenStartDeployment_thenOutsideWindow() {
            fixture.given(approvedFor(qa))
                    .when(new StartDeployment(PROMOTION))
                    .expectException(violation(PromotionErrors.OUTSIDE_WINDOW))
                    .expectNoEvents();
        }

        @Test
        void givenWaitingAndTheWindowOpen_whenStartDeployment_thenStarted() {
            clock.set(MONDAY_NOON);
            fixture.given(approvedFor(qa))
                    .andGiven(new PromotionWaitingForWindow(PROMOTION, target("qa"), MONDAY_NOON,
                            WaitReason.OUTSIDE_WINDOW))
                    .when(new StartDeployment(PROMOTION))
                    .expectEvents(new DeploymentStarted(PROMOTION, target("qa")));
        }

        @Test
        void givenFrozen_whenStartDeployment_thenFrozen() {
            fixture.given(approvedFor(prod))
                    .when(new StartDeployment(PROMOTION))
                    .expectException(violation(PromotionErrors.FROZEN))
                    .expectNoEvents();
        }

        @Test
        void givenFrozen_whenAdminOverrides_thenFreezeOverridden() {
            fixture.given(approvedFor(prod))
                    .when(new OverrideFreeze(PROMOTION, ADMIN, "security fix CVE-2026-1234"))
                    .expectEvents(new FreezeOverridden(PROMOTION, target("prod"), ADMIN, "security fix CVE-2026-1234"));
        }

        @Test
        void givenFreezeOverridden_whenStartDeploymentDuringTheFreeze_thenStarted() {
            fixture.given(approvedFor(prod))
                    .andGiven(new FreezeOverridden(PROMOTION, target("prod"), ADMIN, "security fix"))
                    .when(new StartDeployment(PROMOTION))
                    .expectEvents(new DeploymentStarted(PROMOTION, target("prod")));
        }

        @Test
        void givenFrozen_whenDeveloperOverrides_thenRoleNotAllowed() {
            fixture.given(approvedFor(prod))
                    .when(new OverrideFreeze(PROMOTION, DEVELOPER, "please"))
                    .expectException(violation(PromotionErrors.ROLE_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void givenFreezeOverridden_whenOverrideAgain_thenAlreadyOverridden() {
            fixture.given(approvedFor(prod))
                    .andGiven(new FreezeOverridden(PROMOTION, target("prod"), ADMIN, "security fix"))
                    .when(new OverrideFreeze(PROMOTION, ADMIN, "again"))
                    .expectException(violation(PromotionErrors.FREEZE_ALREADY_OVERRIDDEN))
                    .expectNoEvents();
        }

        @Test
        void givenNoFreeze_whenOverride_thenNotFrozen() {
            fixture.given(approvedFor(qa))
                    .when(new OverrideFreeze(PROMOTION, ADMIN, "just in case"))
                    .expectException(violation(PromotionErrors.NOT_FROZEN))
                    .expectNoEvents();
        }

        @Test
        void givenAwaitingApproval_whenStartDeployment_thenWrongState() {
            fixture.given(requested(qa), awaiting(qa))
                    .when(new StartDeployment(PROMOTION))
                    .expectException(violation(PromotionErrors.WRONG_STATE))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingTheResult {

        private final EnvironmentRules qa = Lifecycles.qa();

        @Test
        void givenDeploying_whenReleaseManagerConfirms_thenSucceeded() {
            fixture.given(deployingTo(qa))
                    .when(new ConfirmDeployment(PROMOTION, RELEASE_MANAGER, "https://ci.example.org/runs/42"))
                    .expectEvents(new DeploymentSucceeded(PROMOTION, target("qa"), RELEASE_MANAGER,
                            "https://ci.example.org/runs/42"));
        }

        @Test
        void givenDeploying_whenDeveloperConfirms_thenRoleNotAllowed() {
            fixture.given(deployingTo(qa))
                    .when(new ConfirmDeployment(PROMOTION, DEVELOPER, "https://ci.example.org/runs/42"))
                    .expectException(violation(PromotionErrors.ROLE_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void givenApprovedButNotDeploying_whenConfirm_thenWrongState() {
            fixture.given(approvedFor(qa))
                    .when(new ConfirmDeployment(PROMOTION, RELEASE_MANAGER, "https://ci.example.org/runs/42"))
                    .expectException(violation(PromotionErrors.WRONG_STATE))
                    .expectNoEvents();
        }

        @Test
        void givenDeploying_whenReleaseManagerReportsFailure_thenFailed() {
            fixture.given(deployingTo(qa))
                    .when(new ReportDeploymentFailure(PROMOTION, RELEASE_MANAGER, "health check red"))
                    .expectEvents(new DeploymentFailed(PROMOTION, target("qa"), RELEASE_MANAGER, "health check red"));
        }

        @Test
        void givenDeploying_whenTimedOut_thenFailedBySystem() {
            fixture.given(deployingTo(qa))
                    .when(new TimeOutDeployment(PROMOTION))
                    .expectEvents(new DeploymentFailed(PROMOTION, target("qa"), Actor.system("promotion-saga"),
                            "No deployment result was recorded within PT2H"));
        }

        @Test
        void givenDeployed_whenTimedOut_thenWrongState() {
            fixture.given(deployingTo(qa))
                    .andGiven(new DeploymentSucceeded(PROMOTION, target("qa"), RELEASE_MANAGER, "https://x"))
                    .when(new TimeOutDeployment(PROMOTION))
                    .expectException(violation(PromotionErrors.WRONG_STATE))
                    .expectNoEvents();
        }
    }

    @Nested
    class RollingBack {

        @BeforeEach
        void prodRanTwoReleases() {
            deployed(DeploymentHistory.NONE
                    .with("prod", new DeployedRelease("rel-0", "1.3.0", "p-0"))
                    .with("prod", new DeployedRelease("rel-1", "1.4.0", "p-1")));
        }

        @Test
        void givenRel1RunsInProd_whenRollBack_thenPreviousReleaseRequestedWithReason() {
            var restored = new PromotionTarget(APP, "rel-0", "1.3.0", "prod");
            EnvironmentRules prod = Lifecycles.prod(FREEZE);
            fixture.givenNoPriorActivity()
                    .when(new RollBackRelease(PROMOTION, "rel-1", "prod", "error rate doubled", RELEASE_MANAGER))
                    .expectEvents(
                            new PromotionRequested(PROMOTION, restored, 1, prod, RELEASE_MANAGER, MONDAY_MORNING,
                                    "rel-1", "error rate doubled"),
                            new PromotionAwaitingApproval(PROMOTION, restored, prod.approvalPolicy(),
                                    RELEASE_MANAGER.id(), MONDAY_MORNING.plus(Duration.ofHours(8))));
        }

        @Test
        void givenRel0NoLongerRuns_whenRollBackRel0_thenRollbackNotCurrent() {
            fixture.givenNoPriorActivity()
                    .when(new RollBackRelease(PROMOTION, "rel-0", "prod", "oops", RELEASE_MANAGER))
                    .expectException(violation(PromotionErrors.ROLLBACK_NOT_CURRENT))
                    .expectNoEvents();
        }

        @Test
        void givenOnlyOneReleaseEverRan_whenRollBack_thenNothingToRollBackTo() {
            deployed(DeploymentHistory.NONE.with("qa", new DeployedRelease("rel-1", "1.4.0", "p-1")));
            fixture.givenNoPriorActivity()
                    .when(new RollBackRelease(PROMOTION, "rel-1", "qa", "oops", RELEASE_MANAGER))
                    .expectException(violation(PromotionErrors.NOTHING_TO_ROLL_BACK_TO))
                    .expectNoEvents();
        }

        @Test
        void givenNoReason_whenRollBack_thenReasonRequired() {
            fixture.givenNoPriorActivity()
                    .when(new RollBackRelease(PROMOTION, "rel-1", "prod", "", RELEASE_MANAGER))
                    .expectException(violation(PromotionErrors.REASON_REQUIRED))
                    .expectNoEvents();
        }
    }

    @Test
    void givenRulesChangeAfterTheRequest_whenApproved_thenThePromotionKeepsItsSnapshot() {
        // Since the request, prod has come to need one approval from a release manager; the
        // policy copied into PromotionRequested (two approvers) still decides this promotion.
        var relaxedProd = new EnvironmentRules("prod", ApprovalPolicy.fourEyes(1, Duration.ofHours(1), "release-manager"),
                List.of(), List.of(), null, null, null);
        context.withApplication(APP, new Lifecycle(List.of(Lifecycles.dev(), Lifecycles.qa(), relaxedProd)),
                DeploymentHistory.NONE);
        EnvironmentRules prod = Lifecycles.prod(FREEZE);
        fixture.given(requested(prod), awaiting(prod))
                .when(new ApprovePromotion(PROMOTION, ALICE, "ok"))
                .expectEvents(new PromotionApprovalGiven(PROMOTION, target("prod"), ALICE, "ok", MONDAY_MORNING, 1));
    }
}
