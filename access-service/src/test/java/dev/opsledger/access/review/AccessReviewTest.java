package dev.opsledger.access.review;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.APPROVER;
import static dev.opsledger.access.support.Access.APPROVER2;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.DEV2;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.RESOURCE;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.access.review.api.AccessReviewClosed;
import dev.opsledger.access.review.api.AccessReviewOpened;
import dev.opsledger.access.review.api.CloseAccessReview;
import dev.opsledger.access.review.api.DecideReviewItem;
import dev.opsledger.access.review.api.OpenAccessReview;
import dev.opsledger.access.review.api.ReviewDecision;
import dev.opsledger.access.review.api.ReviewItem;
import dev.opsledger.access.review.api.ReviewItemDecided;
import dev.opsledger.access.review.command.AccessReview;
import dev.opsledger.access.review.command.ReviewableGrants;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessReviewTest {

    static final String REVIEW = "review-1";
    static final Instant DEADLINE = MONDAY.plus(Duration.ofDays(7));
    static final ReviewItem DEV_ITEM = new ReviewItem("grant-1", RESOURCE, DEV.id(), DEV.name());
    static final ReviewItem APPROVER_ITEM = new ReviewItem("grant-2", RESOURCE, APPROVER.id(), APPROVER.name());
    static final Set<String> REVIEWERS = Set.of("approver");

    private final MutableClock clock = MutableClock.at(MONDAY);
    private final List<ReviewItem> active = new ArrayList<>(List.of(DEV_ITEM, APPROVER_ITEM));
    private AggregateTestFixture<AccessReview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessReview.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource((ReviewableGrants) resourceId ->
                resourceId == null || resourceId.equals(RESOURCE) ? List.copyOf(active) : List.of());
    }

    static AccessReviewOpened opened() {
        return new AccessReviewOpened(REVIEW, "Q1", RESOURCE, REVIEWERS, DEADLINE, List.of(DEV_ITEM, APPROVER_ITEM),
                ADMIN, MONDAY);
    }

    static ReviewItemDecided kept() {
        return new ReviewItemDecided(REVIEW, DEV_ITEM, ReviewDecision.KEEP, APPROVER, "still on call", MONDAY);
    }

    @Test
    void givenActiveGrants_whenAnAdminOpensAReview_thenEachGrantIsAnItem() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccessReview(REVIEW, "Q1", RESOURCE, REVIEWERS, DEADLINE, ADMIN))
                .expectEvents(opened());
    }

    @Test
    void givenActiveGrants_whenANonAdminOpensAReview_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccessReview(REVIEW, "Q1", RESOURCE, REVIEWERS, DEADLINE, APPROVER))
                .expectException(violation(AccessReview.ADMIN_ONLY))
                .expectNoEvents();
    }

    @Test
    void givenNoActiveGrant_whenAReviewIsOpened_thenNothingToReview() {
        active.clear();
        fixture.givenNoPriorActivity()
                .when(new OpenAccessReview(REVIEW, "Q1", RESOURCE, REVIEWERS, DEADLINE, ADMIN))
                .expectException(violation(AccessReview.NOTHING_TO_REVIEW))
                .expectNoEvents();
    }

    @Test
    void givenADeadlineInThePastOrTooFar_whenAReviewIsOpened_thenInvalid() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccessReview(REVIEW, "Q1", RESOURCE, REVIEWERS, MONDAY, ADMIN))
                .expectException(violation(AccessReview.INVALID))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OpenAccessReview(REVIEW, "Q1", RESOURCE, REVIEWERS, MONDAY.plus(Duration.ofDays(91)), ADMIN))
                .expectException(violation(AccessReview.INVALID))
                .expectNoEvents();
    }

    @Test
    void givenNoReviewerRole_whenAReviewIsOpened_thenInvalid() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccessReview(REVIEW, "Q1", RESOURCE, Set.of(), DEADLINE, ADMIN))
                .expectException(violation(AccessReview.INVALID))
                .expectNoEvents();
    }

    @Test
    void givenAnOpenReview_whenAReviewerKeepsAGrant_thenTheDecisionIsRecorded() {
        fixture.given(opened())
                .when(new DecideReviewItem(REVIEW, "grant-1", ReviewDecision.KEEP, "still on call", APPROVER))
                .expectEvents(kept());
    }

    @Test
    void givenAnOpenReview_whenAReviewerRevokesAGrant_thenTheDecisionIsRecorded() {
        fixture.given(opened())
                .when(new DecideReviewItem(REVIEW, "grant-1", ReviewDecision.REVOKE, "left the team", APPROVER))
                .expectEvents(new ReviewItemDecided(REVIEW, DEV_ITEM, ReviewDecision.REVOKE, APPROVER,
                        "left the team", MONDAY));
    }

    @Test
    void givenAnOpenReview_whenTheGranteeReviewsTheirOwnGrant_thenSelfReview() {
        fixture.given(opened())
                .when(new DecideReviewItem(REVIEW, "grant-2", ReviewDecision.KEEP, "I need it", APPROVER))
                .expectException(violation(AccessReview.SELF_REVIEW))
                .expectNoEvents();
    }

    @Test
    void givenAnOpenReview_whenSomeoneWithoutAReviewerRoleDecides_thenForbidden() {
        fixture.given(opened())
                .when(new DecideReviewItem(REVIEW, "grant-2", ReviewDecision.KEEP, "fine", DEV2))
                .expectException(violation(AccessReview.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenAnOpenReview_whenDecidedWithoutAComment_thenRefused() {
        fixture.given(opened())
                .when(new DecideReviewItem(REVIEW, "grant-1", ReviewDecision.KEEP, " ", APPROVER))
                .expectException(violation(AccessReview.COMMENT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenAnOpenReview_whenAGrantNotInItIsDecided_thenNoSuchItem() {
        fixture.given(opened())
                .when(new DecideReviewItem(REVIEW, "grant-9", ReviewDecision.KEEP, "fine", APPROVER))
                .expectException(violation(AccessReview.NO_SUCH_ITEM))
                .expectNoEvents();
    }

    @Test
    void givenADecidedItem_whenDecidedAgain_thenAlreadyDecided() {
        fixture.given(opened(), kept())
                .when(new DecideReviewItem(REVIEW, "grant-1", ReviewDecision.REVOKE, "changed my mind", APPROVER2))
                .expectException(violation(AccessReview.ALREADY_DECIDED))
                .expectNoEvents();
    }

    @Test
    void givenAnOpenReview_whenDecidedAtTheDeadline_thenClosed() {
        clock.set(DEADLINE);
        fixture.given(opened())
                .when(new DecideReviewItem(REVIEW, "grant-1", ReviewDecision.KEEP, "fine", APPROVER))
                .expectException(violation(AccessReview.CLOSED))
                .expectNoEvents();
    }

    @Test
    void givenOneItemKept_whenTheDeadlinePasses_thenClosedWithTheOtherUnanswered() {
        clock.set(DEADLINE);
        fixture.given(opened(), kept())
                .when(new CloseAccessReview(REVIEW))
                .expectEvents(new AccessReviewClosed(REVIEW, 1, 0, List.of(APPROVER_ITEM), DEADLINE));
    }

    @Test
    void givenAnOpenReview_whenClosedBeforeTheDeadline_thenNotYetDue() {
        clock.set(DEADLINE.minusSeconds(1));
        fixture.given(opened())
                .when(new CloseAccessReview(REVIEW))
                .expectException(violation(AccessReview.NOT_YET_DUE))
                .expectNoEvents();
    }

    @Test
    void givenAClosedReview_whenClosedAgainOrDecided_thenClosed() {
        clock.set(DEADLINE);
        AccessReviewClosed closed = new AccessReviewClosed(REVIEW, 0, 0, List.of(DEV_ITEM, APPROVER_ITEM), DEADLINE);
        fixture.given(opened(), closed)
                .when(new CloseAccessReview(REVIEW))
                .expectException(violation(AccessReview.CLOSED))
                .expectNoEvents();
        fixture.given(opened(), closed)
                .when(new DecideReviewItem(REVIEW, "grant-1", ReviewDecision.KEEP, "late", APPROVER))
                .expectException(violation(AccessReview.CLOSED))
                .expectNoEvents();
    }
}
