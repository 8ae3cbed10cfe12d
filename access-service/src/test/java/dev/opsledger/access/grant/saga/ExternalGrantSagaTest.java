package dev.opsledger.access.grant.saga;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.RESOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.access.grant.api.AccessTaskRequested;
import dev.opsledger.access.grant.api.AccessTaskStep;
import dev.opsledger.access.grant.api.EndReason;
import dev.opsledger.access.grant.api.ExpireGrant;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantDeprovisioningFailed;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantEnding;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.GrantProvisioningFailed;
import dev.opsledger.access.grant.api.RequestAccessTask;
import dev.opsledger.access.grant.api.RetryBackoff;
import dev.opsledger.access.grant.api.TaskAnswerTimeout;
import dev.opsledger.access.grant.api.TimeOutAccessTask;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grant saga on an external resource: it asks for tasks and waits for their answers, never calls Keycloak. */
class ExternalGrantSagaTest {

    static final String GRANT = "grant-x";
    static final AccessTarget VPN = new AccessTarget(AccessTarget.Kind.EXTERNAL, "vpn-add-user", "vpn-remove-user");
    static final Duration FOUR_HOURS = Duration.ofHours(4);
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(30);
    static final String PROVISION_1 = "access:" + GRANT + ":provision:1";
    static final String DEPROVISION_1 = "access:" + GRANT + ":deprovision:1";
    static final String DEPROVISION_2 = "access:" + GRANT + ":deprovision:2";

    private final GrantSagaTest.FakeMemberships keycloak = new GrantSagaTest.FakeMemberships();
    private SagaTestFixture<GrantSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(GrantSaga.class);
        fixture.registerResource(MutableClock.following(fixture::currentTime));
        fixture.registerResource(keycloak);
        fixture.registerResource(new TaskAnswerTimeout(ANSWER_TIMEOUT));
    }

    @AfterEach
    void keycloakIsNeverAsked() {
        assertThat(keycloak.calls).as("an external resource never reaches Keycloak").isEmpty();
    }

    static GrantOpened opened() {
        return new GrantOpened(GRANT, "req-1", RESOURCE, VPN, DEV.id(), DEV.name(), FOUR_HOURS, List.of("appr1"),
                false, null, Set.of(), null, MONDAY);
    }

    static AccessTaskRequested requested(AccessTaskStep step, String requestId, int attempt, Instant at) {
        return new AccessTaskRequested(GRANT, step, requestId, attempt, step.taskOf(VPN), Map.of("grant_id", GRANT),
                DEV.id(), at);
    }

    static GrantActivated activated() {
        return new GrantActivated(GRANT, RESOURCE, DEV.id(), MONDAY, MONDAY.plus(FOUR_HOURS));
    }

    static GrantEnding ending() {
        return new GrantEnding(GRANT, EndReason.EXPIRED, ADMIN, null, MONDAY);
    }

    @Test
    void givenNothing_whenAGrantOnAnExternalResourceOpens_thenItsProvisioningTaskIsAskedFor() {
        fixture.givenCurrentTime(MONDAY)
                .whenAggregate(GRANT).publishes(opened())
                .expectDispatchedCommands(new RequestAccessTask(GRANT, AccessTaskStep.PROVISION))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAnOpenedGrant_whenTheProvisioningTaskIsRequested_thenItsAnswerIsAwaitedUnderADeadline() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened())
                .whenAggregate(GRANT).publishes(requested(AccessTaskStep.PROVISION, PROVISION_1, 1, MONDAY))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(MONDAY.plus(ANSWER_TIMEOUT), GrantSaga.TASK_ANSWER);
    }

    @Test
    void givenAProvisioningTaskRequested_whenNoAnswerComesInTime_thenTheGrantIsToldTheAnswerIsMissing() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), requested(AccessTaskStep.PROVISION, PROVISION_1, 1, MONDAY))
                .whenTimeElapses(ANSWER_TIMEOUT)
                .expectTriggeredDeadlinesWithName(GrantSaga.TASK_ANSWER)
                .expectDispatchedCommands(new TimeOutAccessTask(GRANT, PROVISION_1));
    }

    @Test
    void givenAProvisioningTaskRequested_whenItSucceeds_thenTheAnswerDeadlineGoesAndTheExpiryIsScheduled() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), requested(AccessTaskStep.PROVISION, PROVISION_1, 1, MONDAY))
                .whenAggregate(GRANT).publishes(activated())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(MONDAY.plus(FOUR_HOURS), GrantSaga.EXPIRY)
                .expectNoScheduledDeadlineWithName(MONDAY.plus(ANSWER_TIMEOUT), GrantSaga.TASK_ANSWER);
    }

    @Test
    void givenAProvisioningTaskRequested_whenItFails_thenNothingIsRetriedAndNothingScheduled() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), requested(AccessTaskStep.PROVISION, PROVISION_1, 1, MONDAY))
                .whenAggregate(GRANT).publishes(new GrantProvisioningFailed(GRANT, "task FAILED, exit code 3", 1,
                        null))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void givenAFailedProvisioning_whenTheGrantIsReleased_thenTheDeprovisioningTaskIsAskedFor() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), requested(AccessTaskStep.PROVISION, PROVISION_1, 1, MONDAY),
                        new GrantProvisioningFailed(GRANT, "task FAILED", 1, null))
                .whenAggregate(GRANT).publishes(new GrantEnding(GRANT, EndReason.RELEASED, DEV, null, MONDAY))
                .expectDispatchedCommands(new RequestAccessTask(GRANT, AccessTaskStep.DEPROVISION));
    }

    @Test
    void givenAnActiveGrant_whenTheExpiryPasses_thenTheGrantIsExpired() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), requested(AccessTaskStep.PROVISION, PROVISION_1, 1, MONDAY), activated())
                .whenTimeElapses(FOUR_HOURS)
                .expectTriggeredDeadlinesWithName(GrantSaga.EXPIRY)
                .expectDispatchedCommands(new ExpireGrant(GRANT));
    }

    @Test
    void givenAnActiveGrant_whenItEnds_thenTheDeprovisioningTaskIsAskedFor() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), requested(AccessTaskStep.PROVISION, PROVISION_1, 1, MONDAY), activated())
                .whenAggregate(GRANT).publishes(ending())
                .expectDispatchedCommands(new RequestAccessTask(GRANT, AccessTaskStep.DEPROVISION))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenADeprovisioningTaskRequested_whenItFails_thenTheRetryIsScheduledAtTheRecordedTime() {
        Instant retryAt = MONDAY.plus(RetryBackoff.FIRST);
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), activated(), ending(),
                        requested(AccessTaskStep.DEPROVISION, DEPROVISION_1, 1, MONDAY))
                .whenAggregate(GRANT).publishes(new GrantDeprovisioningFailed(GRANT, RESOURCE, DEV.id(),
                        "task FAILED, exit code 1", 1, retryAt))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(retryAt, GrantSaga.DEPROVISION_RETRY)
                .expectNoScheduledDeadlineWithName(MONDAY.plus(ANSWER_TIMEOUT), GrantSaga.TASK_ANSWER);
    }

    @Test
    void givenAFailedDeprovisioningTask_whenTheRetryTimeComes_thenItIsAskedForAgain() {
        Instant retryAt = MONDAY.plus(RetryBackoff.FIRST);
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), activated(), ending(),
                        requested(AccessTaskStep.DEPROVISION, DEPROVISION_1, 1, MONDAY),
                        new GrantDeprovisioningFailed(GRANT, RESOURCE, DEV.id(), "task FAILED", 1, retryAt))
                .whenTimeAdvancesTo(retryAt)
                .expectTriggeredDeadlinesWithName(GrantSaga.DEPROVISION_RETRY)
                .expectDispatchedCommands(new RequestAccessTask(GRANT, AccessTaskStep.DEPROVISION));
    }

    @Test
    void givenADeprovisioningTaskRequested_whenNoAnswerComesInTime_thenTheGrantIsToldTheAnswerIsMissing() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), activated(), ending(),
                        requested(AccessTaskStep.DEPROVISION, DEPROVISION_2, 2, MONDAY))
                .whenTimeElapses(ANSWER_TIMEOUT)
                .expectTriggeredDeadlinesWithName(GrantSaga.TASK_ANSWER)
                .expectDispatchedCommands(new TimeOutAccessTask(GRANT, DEPROVISION_2));
    }

    @Test
    void givenADeprovisioningTaskRequested_whenItSucceeds_thenTheSagaEndsWithNothingScheduled() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), activated(), ending(),
                        requested(AccessTaskStep.DEPROVISION, DEPROVISION_1, 1, MONDAY))
                .whenAggregate(GRANT).publishes(new GrantEnded(GRANT, RESOURCE, DEV.id(), EndReason.EXPIRED, ADMIN,
                        null, MONDAY, MONDAY.plusSeconds(300)))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
