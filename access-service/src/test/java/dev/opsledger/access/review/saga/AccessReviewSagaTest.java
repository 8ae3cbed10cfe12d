package dev.opsledger.access.review.saga;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.APPROVER;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.DEV2;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.RESOURCE;

import dev.opsledger.access.grant.api.RevokeReviewedGrant;
import dev.opsledger.access.review.api.AccessReviewClosed;
import dev.opsledger.access.review.api.AccessReviewOpened;
import dev.opsledger.access.review.api.CloseAccessReview;
import dev.opsledger.access.review.api.ReviewDecision;
import dev.opsledger.access.review.api.ReviewItem;
import dev.opsledger.access.review.api.ReviewItemDecided;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessReviewSagaTest {

    static final String REVIEW = "review-1";
    static final Instant DEADLINE = MONDAY.plus(Duration.ofDays(7));
    static final ReviewItem DEV_ITEM = new ReviewItem("grant-1", RESOURCE, DEV.id(), DEV.name());
    static final ReviewItem DEV2_ITEM = new ReviewItem("grant-2", RESOURCE, DEV2.id(), DEV2.name());

    private SagaTestFixture<AccessReviewSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AccessReviewSaga.class);
    }

    static AccessReviewOpened opened() {
        return new AccessReviewOpened(REVIEW, "Q1", RESOURCE, Set.of("approver"), DEADLINE,
                List.of(DEV_ITEM, DEV2_ITEM), ADMIN, MONDAY);
    }

    @Test
    void givenNothing_whenAReviewOpens_thenItsCloseIsScheduledAtTheDeadline() {
        fixture.givenCurrentTime(MONDAY)
                .whenAggregate(REVIEW).publishes(opened())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DEADLINE, AccessReviewSaga.DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void givenAnOpenReview_whenAReviewerRevokesAGrant_thenTheGrantIsRevokedInTheirName() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REVIEW).published(opened())
                .whenAggregate(REVIEW).publishes(new ReviewItemDecided(REVIEW, DEV_ITEM, ReviewDecision.REVOKE,
                        APPROVER, "left the team", MONDAY))
                .expectDispatchedCommands(new RevokeReviewedGrant("grant-1", REVIEW, APPROVER,
                        "Access review 'Q1': left the team"));
    }

    @Test
    void givenAnOpenReview_whenAReviewerKeepsAGrant_thenNothingIsSent() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REVIEW).published(opened())
                .whenAggregate(REVIEW).publishes(new ReviewItemDecided(REVIEW, DEV_ITEM, ReviewDecision.KEEP,
                        APPROVER, "on call", MONDAY))
                .expectNoDispatchedCommands();
    }

    @Test
    void givenAnOpenReview_whenTheDeadlinePasses_thenTheReviewIsClosed() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REVIEW).published(opened())
                .whenTimeAdvancesTo(DEADLINE)
                .expectDispatchedCommands(new CloseAccessReview(REVIEW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAClosedReview_whenItemsWereUnanswered_thenEachIsRevokedByTheServiceAndTheSagaEnds() {
        fixture.givenCurrentTime(MONDAY).andThenAggregate(REVIEW).published(opened(),
                        new ReviewItemDecided(REVIEW, DEV_ITEM, ReviewDecision.KEEP, APPROVER, "on call", MONDAY))
                .whenAggregate(REVIEW).publishes(new AccessReviewClosed(REVIEW, 1, 0, List.of(DEV2_ITEM), DEADLINE))
                .expectDispatchedCommands(new RevokeReviewedGrant("grant-2", REVIEW, AccessReviewSaga.SERVICE,
                        "Access review 'Q1': nobody kept this grant by " + DEADLINE))
                .expectActiveSagas(0);
    }
}
