package dev.opsledger.access.request;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.APPROVER;
import static dev.opsledger.access.support.Access.APPROVER2;
import static dev.opsledger.access.support.Access.AUDITOR;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.DEV2;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.ONE_APPROVER;
import static dev.opsledger.access.support.Access.RESOURCE;
import static dev.opsledger.access.support.Access.ROLE;
import static dev.opsledger.access.support.Access.RULES;
import static dev.opsledger.testkit.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.grant.command.AccessContext;
import dev.opsledger.access.request.api.AccessRequestApprovalGiven;
import dev.opsledger.access.request.api.AccessRequestApproved;
import dev.opsledger.access.request.api.AccessRequestCancelled;
import dev.opsledger.access.request.api.AccessRequestExpired;
import dev.opsledger.access.request.api.AccessRequestRejected;
import dev.opsledger.access.request.api.AccessRequested;
import dev.opsledger.access.request.api.ApproveAccessRequest;
import dev.opsledger.access.request.api.CancelAccessRequest;
import dev.opsledger.access.request.api.ExpireAccessRequest;
import dev.opsledger.access.request.api.ExtensionApproved;
import dev.opsledger.access.request.api.RejectAccessRequest;
import dev.opsledger.access.request.api.RequestAccess;
import dev.opsledger.access.request.command.AccessRequest;
import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.support.Access;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessRequestTest {

    static final String REQUEST = "req-1";
    static final String GRANT = "grant-req-1";
    static final Duration FOUR_HOURS = Duration.ofHours(4);
    static final Instant DEADLINE = MONDAY.plus(ONE_APPROVER.decisionTimeout());

    private final MutableClock clock = MutableClock.at(MONDAY);
    private Access.FakeContext context;
    private AggregateTestFixture<AccessRequest> fixture;

    @BeforeEach
    void setUp() {
        context = new Access.FakeContext().with(Access.resource(RULES));
        fixture = new AggregateTestFixture<>(AccessRequest.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(context);
    }

    static AccessRequested requested() {
        return new AccessRequested(REQUEST, GRANT, false, RESOURCE, "prod-db-read", ROLE, FOUR_HOURS, "incident",
                DEV, MONDAY, ONE_APPROVER, DEADLINE);
    }

    static AccessRequested extensionRequested() {
        return new AccessRequested(REQUEST, "grant-0", true, RESOURCE, "prod-db-read", ROLE, FOUR_HOURS, "more",
                DEV, MONDAY, ONE_APPROVER, DEADLINE);
    }

    @Test
    void givenRulesStoredWithoutFourEyes_whenRequested_thenTheRequestIsStillFourEyes_andTheRequesterMayNotApprove() {
        var legacy = new AccessRules(new ApprovalPolicy(1, Set.of("developer"), false, ONE_APPROVER.decisionTimeout()),
                Duration.ofHours(8), Set.of("developer"), null);
        context.with(Access.resource(legacy));
        var fourEyes = new ApprovalPolicy(1, Set.of("developer"), true, ONE_APPROVER.decisionTimeout());
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, RESOURCE, "incident", FOUR_HOURS, null, DEV))
                .expectEvents(new AccessRequested(REQUEST, GRANT, false, RESOURCE, "prod-db-read", ROLE, FOUR_HOURS,
                        "incident", DEV, MONDAY, fourEyes, DEADLINE));
        fixture.given(new AccessRequested(REQUEST, GRANT, false, RESOURCE, "prod-db-read", ROLE, FOUR_HOURS,
                        "incident", DEV, MONDAY, fourEyes, DEADLINE))
                .when(new ApproveAccessRequest(REQUEST, DEV, "mine"))
                .expectException(violation(Approvals.SELF_APPROVAL))
                .expectNoEvents();
    }

    @Test
    void givenAResource_whenADeveloperRequestsWithinTheMaximum_thenRequestedWithTheDecisionDeadline() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, RESOURCE, "incident", FOUR_HOURS, null, DEV))
                .expectEvents(requested());
        assertThat(context.holds(DEV.id(), GRANT)).isTrue();
    }

    @Test
    void givenAResource_whenTheDurationExceedsTheMaximum_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, RESOURCE, "incident", Duration.ofHours(9), null, DEV))
                .expectException(violation(AccessRules.DURATION_OUT_OF_RANGE))
                .expectNoEvents();
    }

    @Test
    void givenAResource_whenTheDurationIsZeroOrNegative_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, RESOURCE, "incident", Duration.ofHours(-1), null, DEV))
                .expectException(violation(AccessRules.DURATION_OUT_OF_RANGE))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, RESOURCE, "incident", Duration.ZERO, null, DEV))
                .expectException(violation(AccessRules.DURATION_OUT_OF_RANGE))
                .expectNoEvents();
    }

    @Test
    void givenAResource_whenTheJustificationIsBlank_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, RESOURCE, "  ", FOUR_HOURS, null, DEV))
                .expectException(violation(AccessRequest.JUSTIFICATION_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenNoSuchResource_whenRequested_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, "nope", "incident", FOUR_HOURS, null, DEV))
                .expectException(violation(AccessContext.RESOURCE_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenARoleTheRulesDoNotAllow_whenRequested_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, RESOURCE, "curious", FOUR_HOURS, null, AUDITOR))
                .expectException(violation(AccessRules.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenTheUserAlreadyHoldsAGrant_whenRequestingAgain_thenConflict() {
        context.claimed(DEV.id(), "grant-0");
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, RESOURCE, "again", FOUR_HOURS, null, DEV))
                .expectException(violation(AccessRequest.ALREADY_ACTIVE))
                .expectNoEvents();
    }

    @Test
    void givenAnActiveGrant_whenItsGranteeAsksForMore_thenAnExtensionIsRequested() {
        context.claimed(DEV.id(), "grant-0").withGrant("grant-0", DEV.id(), GrantStatus.ACTIVE);
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, null, "more", FOUR_HOURS, "grant-0", DEV))
                .expectEvents(extensionRequested());
    }

    @Test
    void givenSomeoneElsesGrant_whenExtending_thenForbidden() {
        context.withGrant("grant-0", DEV2.id(), GrantStatus.ACTIVE);
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, null, "more", FOUR_HOURS, "grant-0", DEV))
                .expectException(violation(AccessRequest.NOT_EXTENDABLE))
                .expectNoEvents();
    }

    @Test
    void givenAnEndedGrant_whenExtending_thenConflict() {
        context.withGrant("grant-0", DEV.id(), GrantStatus.EXPIRED);
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, null, "more", FOUR_HOURS, "grant-0", DEV))
                .expectException(violation(AccessRequest.NOT_EXTENDABLE))
                .expectNoEvents();
    }

    @Test
    void givenNoSuchGrant_whenExtending_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RequestAccess(REQUEST, null, "more", FOUR_HOURS, "grant-x", DEV))
                .expectException(violation(AccessContext.GRANT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenARequest_whenAnApproverApproves_thenApprovedForTheGrant() {
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST, APPROVER, "ok"))
                .expectEvents(new AccessRequestApprovalGiven(REQUEST, APPROVER, "ok", MONDAY, 0),
                        new AccessRequestApproved(REQUEST, GRANT, RESOURCE, ROLE, DEV.id(), DEV.name(), FOUR_HOURS,
                                List.of("appr1"), MONDAY));
    }

    @Test
    void givenAnExtensionRequest_whenApproved_thenExtensionApproved() {
        fixture.given(extensionRequested())
                .when(new ApproveAccessRequest(REQUEST, APPROVER, null))
                .expectEvents(new AccessRequestApprovalGiven(REQUEST, APPROVER, null, MONDAY, 0),
                        new ExtensionApproved(REQUEST, "grant-0", RESOURCE, DEV.id(), FOUR_HOURS, List.of("appr1"), MONDAY));
    }

    @Test
    void givenTwoApproversNeeded_whenOneApproves_thenStillAwaiting() {
        var two = new ApprovalPolicy(2, Set.of("approver"), true, Duration.ofHours(8));
        fixture.given(new AccessRequested(REQUEST, GRANT, false, RESOURCE, "prod-db-read", ROLE, FOUR_HOURS, "x",
                        DEV, MONDAY, two, DEADLINE))
                .when(new ApproveAccessRequest(REQUEST, APPROVER, null))
                .expectEvents(new AccessRequestApprovalGiven(REQUEST, APPROVER, null, MONDAY, 1));
    }

    @Test
    void givenARequest_whenTheRequesterApprovesIt_thenSelfApprovalRefused() {
        var selfApprover = new Actor(DEV.id(), DEV.name(), Set.of("developer", "approver"));
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST, selfApprover, null))
                .expectException(violation(Approvals.SELF_APPROVAL))
                .expectNoEvents();
    }

    @Test
    void givenARequest_whenSomeoneWithoutAnApproverRoleApproves_thenRefused() {
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST, DEV2, null))
                .expectException(violation(Approvals.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenARequest_whenApprovedAfterTheDeadline_thenRefused() {
        clock.set(DEADLINE.plusSeconds(1));
        fixture.given(requested())
                .when(new ApproveAccessRequest(REQUEST, APPROVER, null))
                .expectException(violation(Approvals.DEADLINE_PASSED))
                .expectNoEvents();
    }

    @Test
    void givenARequest_whenRejectedWithAReason_thenRejected() {
        fixture.given(requested())
                .when(new RejectAccessRequest(REQUEST, APPROVER, "not needed"))
                .expectEvents(new AccessRequestRejected(REQUEST, GRANT, false, RESOURCE, DEV.id(), APPROVER,
                        "not needed", MONDAY));
    }

    @Test
    void givenARequest_whenRejectedWithoutAReason_thenRefused() {
        fixture.given(requested())
                .when(new RejectAccessRequest(REQUEST, APPROVER, ""))
                .expectException(violation(AccessRequest.REASON_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenARejectedRequest_whenApproved_thenClosed() {
        fixture.given(requested(), new AccessRequestRejected(REQUEST, GRANT, false, RESOURCE, DEV.id(),
                        APPROVER, "no", MONDAY))
                .when(new ApproveAccessRequest(REQUEST, APPROVER2, null))
                .expectException(violation(Approvals.CLOSED))
                .expectNoEvents();
    }

    @Test
    void givenARequest_whenTheRequesterCancels_thenCancelled() {
        fixture.given(requested())
                .when(new CancelAccessRequest(REQUEST, DEV))
                .expectEvents(new AccessRequestCancelled(REQUEST, GRANT, false, RESOURCE, DEV.id(), DEV, MONDAY));
    }

    @Test
    void givenARequest_whenSomeoneElseCancels_thenForbidden() {
        fixture.given(requested())
                .when(new CancelAccessRequest(REQUEST, ADMIN))
                .expectException(violation(AccessRequest.NOT_YOURS))
                .expectNoEvents();
    }

    @Test
    void givenAnApprovedRequest_whenCancelled_thenClosed() {
        fixture.given(requested(), new AccessRequestApprovalGiven(REQUEST, APPROVER, null, MONDAY, 0),
                        new AccessRequestApproved(REQUEST, GRANT, RESOURCE, ROLE, DEV.id(), DEV.name(), FOUR_HOURS,
                                List.of("appr1"), MONDAY))
                .when(new CancelAccessRequest(REQUEST, DEV))
                .expectException(violation(Approvals.CLOSED))
                .expectNoEvents();
    }

    @Test
    void givenAnUndecidedRequest_whenExpiredAtTheDeadline_thenExpired() {
        clock.set(DEADLINE);
        fixture.given(requested())
                .when(new ExpireAccessRequest(REQUEST))
                .expectEvents(new AccessRequestExpired(REQUEST, GRANT, false, RESOURCE, DEV.id(), DEADLINE));
    }

    @Test
    void givenAnUndecidedRequest_whenExpiredBeforeTheDeadline_thenNotYetDue() {
        clock.set(DEADLINE.minusSeconds(1));
        fixture.given(requested())
                .when(new ExpireAccessRequest(REQUEST))
                .expectException(violation(Approvals.NOT_YET_DUE))
                .expectNoEvents();
    }

    @Test
    void givenARejectedRequest_whenExpired_thenClosed() {
        clock.set(DEADLINE);
        fixture.given(requested(), new AccessRequestRejected(REQUEST, GRANT, false, RESOURCE, DEV.id(), APPROVER, "no",
                        MONDAY))
                .when(new ExpireAccessRequest(REQUEST))
                .expectException(violation(Approvals.CLOSED))
                .expectNoEvents();
    }
}
