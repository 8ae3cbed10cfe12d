package dev.opsledger.release.promotion.saga;

import static dev.opsledger.release.support.Lifecycles.ADMIN;
import static dev.opsledger.release.support.Lifecycles.ALICE;
import static dev.opsledger.release.support.Lifecycles.BOB;
import static dev.opsledger.release.support.Lifecycles.DEVELOPER;
import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;
import static dev.opsledger.release.support.Lifecycles.MONDAY_NOON;
import static dev.opsledger.release.support.Lifecycles.RELEASE_MANAGER;
import static dev.opsledger.release.support.PromotionEvents.APP;
import static dev.opsledger.release.support.PromotionEvents.PROMOTION;
import static dev.opsledger.release.support.PromotionEvents.approved;
import static dev.opsledger.release.support.PromotionEvents.awaiting;
import static dev.opsledger.release.support.PromotionEvents.deadlineOf;
import static dev.opsledger.release.support.PromotionEvents.requested;
import static dev.opsledger.release.support.PromotionEvents.target;

import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.FreezePeriod;
import dev.opsledger.release.application.api.RecordDeployment;
import dev.opsledger.release.application.api.WaitReason;
import dev.opsledger.release.promotion.api.*;
import dev.opsledger.release.support.Lifecycles;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PromotionSagaTest {

    private static final FreezePeriod MONDAY_FREEZE = new FreezePeriod(MONDAY_MORNING.minusSeconds(60),
            MONDAY_MORNING.plus(Duration.ofHours(6)), "quarter close");

    private SagaTestFixture<PromotionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PromotionSaga.class);
        // The saga reads the fixture's own time, so whenTimeAdvancesTo moves both deadlines and "now".
        fixture.registerResource(MutableClock.following(fixture::currentTime));
    }

    @Test
    void givenPromotionToProdRequested_whenAwaitingApproval_thenApprovalDeadlineScheduled() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod))
                .whenAggregate(PROMOTION).publishes(awaiting(prod))
                .expectActiveSagas(1)
                .expectAssociationWith(PromotionSaga.PROMOTION_ID, PROMOTION)
                .expectScheduledDeadlineWithName(deadlineOf(prod), PromotionSaga.APPROVAL_DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void givenAwaitingApproval_whenTheDeadlinePasses_thenPromotionExpired() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod))
                .whenTimeAdvancesTo(deadlineOf(prod))
                .expectTriggeredDeadlinesWithName(PromotionSaga.APPROVAL_DEADLINE)
                .expectDispatchedCommands(new ExpirePromotion(PROMOTION));
    }

    @Test
    void givenAwaitingApproval_whenApprovedAndNoWindowOrFreeze_thenDeploymentStartsAndExpiryIsCancelled() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod))
                .whenAggregate(PROMOTION).publishes(approved("prod", "alice", "bob"))
                .expectDispatchedCommands(new StartDeployment(PROMOTION))
                .expectNoScheduledDeadlineWithName(deadlineOf(prod), PromotionSaga.APPROVAL_DEADLINE)
                .expectScheduledDeadlineWithName(PromotionSaga.START_RECHECK, PromotionSaga.DEPLOYMENT_SLOT);
    }

    @Test
    void givenQaPromotion_whenApprovedBeforeTheWindow_thenWaitsForMondayNoon() {
        EnvironmentRules qa = Lifecycles.qa();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(qa), awaiting(qa))
                .whenAggregate(PROMOTION).publishes(approved("qa", "alice", "bob"))
                .expectDispatchedCommands(new WaitForWindow(PROMOTION, MONDAY_NOON, WaitReason.OUTSIDE_WINDOW));
    }

    @Test
    void givenWaitRecorded_whenWaitingForWindow_thenDeadlineAtTheOpening() {
        EnvironmentRules qa = Lifecycles.qa();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(qa), awaiting(qa), approved("qa", "alice", "bob"))
                .whenAggregate(PROMOTION).publishes(
                        new PromotionWaitingForWindow(PROMOTION, target("qa"), MONDAY_NOON, WaitReason.OUTSIDE_WINDOW))
                .expectScheduledDeadlineWithName(MONDAY_NOON, PromotionSaga.DEPLOYMENT_SLOT)
                .expectNoDispatchedCommands();
    }

    @Test
    void givenWaitingForTheWindow_whenItOpens_thenDeploymentStarts() {
        EnvironmentRules qa = Lifecycles.qa();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(qa), awaiting(qa), approved("qa", "alice", "bob"),
                        new PromotionWaitingForWindow(PROMOTION, target("qa"), MONDAY_NOON, WaitReason.OUTSIDE_WINDOW))
                .whenTimeAdvancesTo(MONDAY_NOON)
                .expectTriggeredDeadlinesWithName(PromotionSaga.DEPLOYMENT_SLOT)
                .expectDispatchedCommands(new StartDeployment(PROMOTION));
    }

    @Test
    void givenFrozenProd_whenApproved_thenWaitsUntilTheFreezeEnds() {
        EnvironmentRules prod = Lifecycles.prod(MONDAY_FREEZE);
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod))
                .whenAggregate(PROMOTION).publishes(approved("prod", "alice", "bob"))
                .expectDispatchedCommands(new WaitForWindow(PROMOTION, MONDAY_FREEZE.to(), WaitReason.FROZEN));
    }

    @Test
    void givenWaitingForAFreeze_whenAdminOverrides_thenDeploymentStartsAtOnce() {
        EnvironmentRules prod = Lifecycles.prod(MONDAY_FREEZE);
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod), approved("prod", "alice", "bob"),
                        new PromotionWaitingForWindow(PROMOTION, target("prod"), MONDAY_FREEZE.to(), WaitReason.FROZEN))
                .whenAggregate(PROMOTION).publishes(
                        new FreezeOverridden(PROMOTION, target("prod"), ADMIN, "security fix"))
                .expectDispatchedCommands(new StartDeployment(PROMOTION))
                .expectNoScheduledDeadlineWithName(MONDAY_FREEZE.to(), PromotionSaga.DEPLOYMENT_SLOT);
    }

    @Test
    void givenFreezeOverriddenWhileAwaitingApproval_whenApproved_thenDeploymentStartsAtOnce() {
        EnvironmentRules prod = Lifecycles.prod(MONDAY_FREEZE);
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod),
                        new FreezeOverridden(PROMOTION, target("prod"), ADMIN, "security fix"))
                .whenAggregate(PROMOTION).publishes(approved("prod", "alice", "bob"))
                .expectDispatchedCommands(new StartDeployment(PROMOTION));
    }

    @Test
    void givenStartRequested_whenDeploymentStarted_thenResultDeadlineReplacesTheRecheck() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod), approved("prod", "alice", "bob"))
                .whenAggregate(PROMOTION).publishes(new DeploymentStarted(PROMOTION, target("prod")))
                .expectScheduledDeadlineWithName(prod.resultTimeout(), PromotionSaga.RESULT_DEADLINE)
                .expectNoScheduledDeadlineWithName(PromotionSaga.START_RECHECK, PromotionSaga.DEPLOYMENT_SLOT);
    }

    @Test
    void givenStartRefused_whenTheRecheckIsDue_thenPlansAgain() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod), approved("prod", "alice", "bob"))
                .whenTimeElapses(PromotionSaga.START_RECHECK)
                .expectDispatchedCommands(new StartDeployment(PROMOTION));
    }

    @Test
    void givenDeploying_whenNobodyRecordsAResultInTime_thenDeploymentTimesOut() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod), approved("prod", "alice", "bob"),
                        new DeploymentStarted(PROMOTION, target("prod")))
                .whenTimeElapses(prod.resultTimeout())
                .expectTriggeredDeadlinesWithName(PromotionSaga.RESULT_DEADLINE)
                .expectDispatchedCommands(new TimeOutDeployment(PROMOTION));
    }

    @Test
    void givenDeploying_whenConfirmed_thenDeploymentRecordedInTheApplicationAndSagaEnds() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod), approved("prod", "alice", "bob"),
                        new DeploymentStarted(PROMOTION, target("prod")))
                .whenAggregate(PROMOTION).publishes(
                        new DeploymentSucceeded(PROMOTION, target("prod"), RELEASE_MANAGER, "https://ci/1"))
                .expectDispatchedCommands(new RecordDeployment(APP, "prod", "rel-1", "1.4.0", PROMOTION))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenDeploying_whenFailed_thenSagaEndsWithoutRecording() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod), approved("prod", "alice", "bob"),
                        new DeploymentStarted(PROMOTION, target("prod")))
                .whenAggregate(PROMOTION).publishes(
                        new DeploymentFailed(PROMOTION, target("prod"), RELEASE_MANAGER, "pods crash-looping"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAwaitingApproval_whenRejected_thenSagaEndsAndExpiryIsCancelled() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod))
                .whenAggregate(PROMOTION).publishes(
                        new PromotionRejected(PROMOTION, target("prod"), BOB, "no rollback plan", MONDAY_MORNING))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAwaitingApproval_whenExpired_thenSagaEnds() {
        EnvironmentRules prod = Lifecycles.prod();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(prod), awaiting(prod))
                .whenAggregate(PROMOTION).publishes(new PromotionExpired(PROMOTION, target("prod"), deadlineOf(prod)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenWaitingForTheWindow_whenCancelled_thenSagaEndsAndTheWaitIsDropped() {
        EnvironmentRules qa = Lifecycles.qa();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(qa), awaiting(qa), approved("qa", "alice", "bob"),
                        new PromotionWaitingForWindow(PROMOTION, target("qa"), MONDAY_NOON, WaitReason.OUTSIDE_WINDOW))
                .whenAggregate(PROMOTION).publishes(
                        new PromotionCancelled(PROMOTION, target("qa"), DEVELOPER, "superseded"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenRollbackApproved_whenConfirmed_thenTheRestoredReleaseIsRecorded() {
        EnvironmentRules prod = Lifecycles.prod();
        PromotionTarget restored = new PromotionTarget(APP, "rel-0", "1.3.0", "prod");
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(
                        new PromotionRequested(PROMOTION, restored, 1, prod, RELEASE_MANAGER, MONDAY_MORNING, "rel-1",
                                "error rate doubled"),
                        new PromotionAwaitingApproval(PROMOTION, restored, prod.approvalPolicy(), RELEASE_MANAGER.id(),
                                deadlineOf(prod)),
                        new PromotionApprovalGiven(PROMOTION, restored, ALICE, "go", MONDAY_MORNING, 1),
                        new PromotionApprovalGiven(PROMOTION, restored, BOB, "go", MONDAY_MORNING, 0),
                        new PromotionApproved(PROMOTION, restored, List.of("alice", "bob")),
                        new DeploymentStarted(PROMOTION, restored))
                .whenAggregate(PROMOTION).publishes(
                        new DeploymentSucceeded(PROMOTION, restored, RELEASE_MANAGER, "https://ci/rollback"))
                .expectDispatchedCommands(new RecordDeployment(APP, "prod", "rel-0", "1.3.0", PROMOTION))
                .expectActiveSagas(0);
    }
}
