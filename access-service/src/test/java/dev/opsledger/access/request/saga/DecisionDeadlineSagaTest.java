package dev.opsledger.access.request.saga;

import static dev.opsledger.access.support.Access.APPROVER;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.ONE_APPROVER;
import static dev.opsledger.access.support.Access.RESOURCE;
import static dev.opsledger.access.support.Access.ROLE;

import dev.opsledger.access.request.api.AccessRequestApproved;
import dev.opsledger.access.request.api.AccessRequestCancelled;
import dev.opsledger.access.request.api.AccessRequestExpired;
import dev.opsledger.access.request.api.AccessRequestRejected;
import dev.opsledger.access.request.api.AccessRequested;
import dev.opsledger.access.request.api.ExpireAccessRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionDeadlineSagaTest {

    static final String REQUEST = "req-1";
    static final String GRANT = "grant-req-1";
    static final Duration FOUR_HOURS = Duration.ofHours(4);
    static final Instant DEADLINE = MONDAY.plus(Duration.ofHours(8));

    private SagaTestFixture<DecisionDeadlineSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(DecisionDeadlineSaga.class);
    }

    static AccessRequested requested() {
        return new AccessRequested(REQUEST, GRANT, false, RESOURCE, "prod-db-read", ROLE, FOUR_HOURS, "incident",
                DEV, MONDAY, ONE_APPROVER, DEADLINE);
    }

    @Test
    void givenNothing_whenARequestIsMade_thenItsDecisionDeadlineIsScheduled() {
        fixture.givenCurrentTime(MONDAY)
                .whenAggregate(REQUEST).publishes(requested())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, DecisionDeadlineSaga.DECISION_DEADLINE);
    }

    @Test
    void givenARequest_whenApproved_thenTheDeadlineIsCancelledAndTheSagaEnds() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REQUEST).published(requested())
                .whenAggregate(REQUEST).publishes(new AccessRequestApproved(REQUEST, GRANT, RESOURCE, ROLE, DEV.id(),
                        DEV.name(), FOUR_HOURS, List.of("appr1"), MONDAY))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void givenARequest_whenRejected_thenTheDeadlineIsCancelledAndTheSagaEnds() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REQUEST).published(requested())
                .whenAggregate(REQUEST).publishes(new AccessRequestRejected(REQUEST, GRANT, false, RESOURCE, DEV.id(),
                        APPROVER, "no", MONDAY))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void givenARequest_whenCancelled_thenTheDeadlineIsCancelledAndTheSagaEnds() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REQUEST).published(requested())
                .whenAggregate(REQUEST).publishes(new AccessRequestCancelled(REQUEST, GRANT, false, RESOURCE,
                        DEV.id(), DEV, MONDAY))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void givenAnUndecidedRequest_whenTheDeadlinePasses_thenTheRequestIsAskedToExpire() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REQUEST).published(requested())
                .whenTimeAdvancesTo(DEADLINE)
                .expectDispatchedCommands(new ExpireAccessRequest(REQUEST))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAnExpiryAsked_whenTheRequestExpired_thenTheSagaEnds() throws Exception {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REQUEST).published(requested())
                .andThenTimeAdvancesTo(DEADLINE)
                .whenAggregate(REQUEST).publishes(new AccessRequestExpired(REQUEST, GRANT, false, RESOURCE, DEV.id(),
                        DEADLINE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
