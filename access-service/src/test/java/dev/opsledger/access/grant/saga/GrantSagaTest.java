package dev.opsledger.access.grant.saga;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.APPROVER;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.RESOURCE;
import static dev.opsledger.access.support.Access.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.access.grant.api.ActivateGrant;
import dev.opsledger.access.grant.api.BreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.BreakGlassReviewed;
import dev.opsledger.access.grant.api.CompleteDeprovisioning;
import dev.opsledger.access.grant.api.EndReason;
import dev.opsledger.access.grant.api.ExpireGrant;
import dev.opsledger.access.grant.api.ExtendGrant;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantEnding;
import dev.opsledger.access.grant.api.GrantExtended;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.MarkBreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.OpenGrant;
import dev.opsledger.access.grant.api.RecordDeprovisioningFailure;
import dev.opsledger.access.grant.api.RecordProvisioningFailure;
import dev.opsledger.access.grant.api.RetryBackoff;
import dev.opsledger.access.request.api.AccessRequestApproved;
import dev.opsledger.access.request.api.ExtensionApproved;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrantSagaTest {

    static final String GRANT = "grant-1";
    static final Duration FOUR_HOURS = Duration.ofHours(4);
    static final Instant EXPIRY = MONDAY.plus(FOUR_HOURS);
    static final Instant REVIEW_DEADLINE = MONDAY.plus(Duration.ofHours(24));

    private final FakeMemberships memberships = new FakeMemberships();
    private SagaTestFixture<GrantSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(GrantSaga.class);
        // The saga reads the fixture's own time, so moving time moves both deadlines and "now".
        fixture.registerResource(MutableClock.following(fixture::currentTime));
        fixture.registerResource(memberships);
    }

    /** Keycloak as the saga sees it: memberships added and removed, or down. */
    static final class FakeMemberships implements Memberships {
        final List<String> calls = new ArrayList<>();
        boolean down;

        @Override
        public void add(String userId, AccessTarget target) {
            call("add " + userId + " " + target.name());
        }

        @Override
        public void remove(String userId, AccessTarget target) {
            call("remove " + userId + " " + target.name());
        }

        @Override
        public Set<String> members(AccessTarget target) {
            throw new UnsupportedOperationException("the grant saga never lists members");
        }

        private void call(String call) {
            calls.add(call);
            if (down) {
                throw new IllegalStateException("Keycloak unreachable");
            }
        }
    }

    static GrantOpened opened() {
        return new GrantOpened(GRANT, "req-1", RESOURCE, ROLE, DEV.id(), DEV.name(), FOUR_HOURS, List.of("appr1"),
                false, null, Set.of(), null, MONDAY);
    }

    static GrantOpened brokenGlass() {
        return new GrantOpened(GRANT, null, RESOURCE, ROLE, DEV.id(), DEV.name(), Duration.ofHours(1), List.of(),
                true, "prod is down", Set.of("approver"), REVIEW_DEADLINE, MONDAY);
    }

    static GrantActivated activated() {
        return new GrantActivated(GRANT, RESOURCE, DEV.id(), MONDAY, EXPIRY);
    }

    static GrantEnding ending(EndReason reason) {
        return new GrantEnding(GRANT, reason, ADMIN, "bye", MONDAY);
    }

    static GrantEnded ended(EndReason reason) {
        return new GrantEnded(GRANT, RESOURCE, DEV.id(), reason, ADMIN, "bye", MONDAY, MONDAY.plusSeconds(300));
    }

    @Test
    void givenNothing_whenARequestIsApproved_thenTheGrantIsOpened() {
        fixture.givenCurrentTime(MONDAY)
                .whenAggregate("req-1").publishes(new AccessRequestApproved("req-1", GRANT, RESOURCE, ROLE, DEV.id(),
                        DEV.name(), FOUR_HOURS, List.of("appr1"), MONDAY))
                .expectActiveSagas(1)
                .expectAssociationWith(GrantSaga.GRANT_ID, GRANT)
                .expectDispatchedCommands(new OpenGrant(GRANT, "req-1", RESOURCE, ROLE, DEV.id(), DEV.name(),
                        FOUR_HOURS, List.of("appr1")));
    }

    @Test
    void givenAnOpenedGrant_whenKeycloakAddsTheMembership_thenTheGrantIsActivated() {
        fixture.givenCurrentTime(MONDAY)
                .whenAggregate(GRANT).publishes(opened())
                .expectDispatchedCommands(new ActivateGrant(GRANT))
                .expectNoScheduledDeadlines();
        assertThat(memberships.calls).containsExactly("add u-dev1 prod-db-read");
    }

    @Test
    void givenKeycloakDown_whenTheGrantOpens_thenTheFailureIsRecordedAndARetryScheduled() {
        memberships.down = true;
        fixture.givenCurrentTime(MONDAY)
                .whenAggregate(GRANT).publishes(opened())
                .expectDispatchedCommands(new RecordProvisioningFailure(GRANT, "Keycloak unreachable", 1,
                        MONDAY.plus(RetryBackoff.FIRST)))
                .expectScheduledDeadlineWithName(MONDAY.plus(RetryBackoff.FIRST), GrantSaga.PROVISION_RETRY);
    }

    @Test
    void givenAFailedProvisioning_whenKeycloakIsBackAtTheRetry_thenTheGrantIsActivated() {
        memberships.down = true;
        var given = fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened());
        memberships.down = false;
        given.whenTimeElapses(RetryBackoff.FIRST)
                .expectTriggeredDeadlinesWithName(GrantSaga.PROVISION_RETRY)
                .expectDispatchedCommands(new ActivateGrant(GRANT));
        assertThat(memberships.calls).containsExactly("add u-dev1 prod-db-read", "add u-dev1 prod-db-read");
    }

    @Test
    void givenKeycloakStaysDown_whenRetriesFail_thenTheWaitDoubles() {
        memberships.down = true;
        Instant second = MONDAY.plus(RetryBackoff.FIRST);
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened())
                .whenTimeElapses(RetryBackoff.FIRST)
                .expectDispatchedCommands(new RecordProvisioningFailure(GRANT, "Keycloak unreachable", 2,
                        second.plus(RetryBackoff.FIRST.multipliedBy(2))))
                .expectScheduledDeadlineWithName(second.plus(RetryBackoff.FIRST.multipliedBy(2)),
                        GrantSaga.PROVISION_RETRY);
        assertThat(RetryBackoff.after(20)).isEqualTo(RetryBackoff.LONGEST);
    }

    @Test
    void givenAnActivatedGrant_whenItStarts_thenTheExpiryIsScheduledFromActivation() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened())
                .whenAggregate(GRANT).publishes(activated())
                .expectScheduledDeadlineWithName(EXPIRY, GrantSaga.EXPIRY)
                .expectNoDispatchedCommands();
    }

    @Test
    void givenAnActiveGrant_whenTheExpiryPasses_thenTheGrantIsExpired() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened(), activated())
                .whenTimeAdvancesTo(EXPIRY)
                .expectTriggeredDeadlinesWithName(GrantSaga.EXPIRY)
                .expectDispatchedCommands(new ExpireGrant(GRANT));
    }

    @Test
    void givenAnActiveGrant_whenAnExtensionIsApproved_thenTheGrantIsExtended() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened(), activated())
                .whenAggregate("req-2").publishes(new ExtensionApproved("req-2", GRANT, RESOURCE, DEV.id(),
                        Duration.ofHours(2),
                        List.of("appr1"), MONDAY))
                .expectDispatchedCommands(new ExtendGrant(GRANT, "req-2", Duration.ofHours(2)));
    }

    @Test
    void givenAnExtendedGrant_whenTheOldExpiryPasses_thenNothingAndTheNewOneExpiresIt() {
        Instant later = EXPIRY.plus(Duration.ofHours(2));
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened(), activated(),
                        new GrantExtended(GRANT, "req-2", RESOURCE, DEV.id(), EXPIRY, later))
                .whenTimeAdvancesTo(EXPIRY)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(later, GrantSaga.EXPIRY);
    }

    @Test
    void givenAnEndingGrant_whenKeycloakRemovesTheMembership_thenDeprovisioningCompletes() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened(), activated())
                .whenAggregate(GRANT).publishes(ending(EndReason.REVOKED))
                .expectDispatchedCommands(new CompleteDeprovisioning(GRANT))
                .expectNoScheduledDeadlines();
        assertThat(memberships.calls).containsExactly("add u-dev1 prod-db-read", "remove u-dev1 prod-db-read");
    }

    @Test
    void givenKeycloakDown_whenTheGrantEnds_thenDeprovisionFailedAndARetryScheduled() {
        var given = fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened(), activated());
        memberships.down = true;
        given.whenAggregate(GRANT).publishes(ending(EndReason.EXPIRED))
                .expectDispatchedCommands(new RecordDeprovisioningFailure(GRANT, "Keycloak unreachable", 1,
                        MONDAY.plus(RetryBackoff.FIRST)))
                .expectScheduledDeadlineWithName(MONDAY.plus(RetryBackoff.FIRST), GrantSaga.DEPROVISION_RETRY);
    }

    @Test
    void givenAFailedDeprovisioning_whenKeycloakIsBackAtTheRetry_thenDeprovisioningCompletes() {
        memberships.down = true;
        var failing = fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT)
                .published(opened(), activated(), ending(EndReason.EXPIRED));
        memberships.down = false;
        failing.whenTimeElapses(RetryBackoff.FIRST)
                .expectTriggeredDeadlinesWithName(GrantSaga.DEPROVISION_RETRY)
                .expectDispatchedCommands(new CompleteDeprovisioning(GRANT));
    }

    @Test
    void givenAnEndingGrant_whenItHasEnded_thenTheSagaEndsWithNothingScheduled() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(opened(), activated(),
                        ending(EndReason.RELEASED))
                .whenAggregate(GRANT).publishes(ended(EndReason.RELEASED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenBrokenGlass_whenOpened_thenProvisionedAndTheReviewDeadlineScheduled() {
        fixture.givenCurrentTime(MONDAY)
                .whenAggregate(GRANT).publishes(brokenGlass())
                .expectDispatchedCommands(new ActivateGrant(GRANT))
                .expectScheduledDeadlineWithName(REVIEW_DEADLINE, GrantSaga.REVIEW_DEADLINE);
    }

    @Test
    void givenAnUnreviewedBreakGlass_whenTheReviewDeadlinePasses_thenMarkedOverdue() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(brokenGlass())
                .whenTimeAdvancesTo(REVIEW_DEADLINE)
                .expectTriggeredDeadlinesWithName(GrantSaga.REVIEW_DEADLINE)
                .expectDispatchedCommands(new MarkBreakGlassReviewOverdue(GRANT));
    }

    @Test
    void givenAnEndedBreakGlass_whenReviewed_thenTheSagaEnds() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(brokenGlass(),
                        new GrantActivated(GRANT, RESOURCE, DEV.id(), MONDAY, MONDAY.plusSeconds(3600)),
                        ending(EndReason.EXPIRED), ended(EndReason.EXPIRED))
                .whenAggregate(GRANT).publishes(new BreakGlassReviewed(GRANT, RESOURCE, DEV.id(), APPROVER, true, "ok", MONDAY))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAnEndedBreakGlassAwaitingReview_whenTheReviewIsOverdue_thenTheSagaEnds() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(GRANT).published(brokenGlass(),
                        new GrantActivated(GRANT, RESOURCE, DEV.id(), MONDAY, MONDAY.plusSeconds(3600)),
                        ending(EndReason.EXPIRED), ended(EndReason.EXPIRED))
                .whenAggregate(GRANT).publishes(new BreakGlassReviewOverdue(GRANT, RESOURCE, DEV.id(), REVIEW_DEADLINE))
                .expectActiveSagas(0);
    }
}
