package dev.opsledger.access.grant;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.APPROVER;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.DEV2;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.RESOURCE;
import static dev.opsledger.access.support.Access.ROLE;
import static dev.opsledger.access.support.Access.RULES;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.access.grant.api.AccessTokenLifespan;
import dev.opsledger.access.grant.api.ActivateGrant;
import dev.opsledger.access.grant.api.BreakGlassAccess;
import dev.opsledger.access.grant.api.BreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.BreakGlassReviewed;
import dev.opsledger.access.grant.api.CompleteDeprovisioning;
import dev.opsledger.access.grant.api.EndReason;
import dev.opsledger.access.grant.api.ExpireGrant;
import dev.opsledger.access.grant.api.ExtendGrant;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantDeprovisioningFailed;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantEnding;
import dev.opsledger.access.grant.api.GrantExtended;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.GrantProvisioningFailed;
import dev.opsledger.access.grant.api.MarkBreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.OpenGrant;
import dev.opsledger.access.grant.api.RecordDeprovisioningFailure;
import dev.opsledger.access.grant.api.RecordProvisioningFailure;
import dev.opsledger.access.grant.api.ReleaseGrant;
import dev.opsledger.access.grant.api.ReviewBreakGlass;
import dev.opsledger.access.grant.api.RevokeGrant;
import dev.opsledger.access.grant.command.Grant;
import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.support.Access;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrantTest {

    static final String GRANT = "grant-1";
    static final Duration FOUR_HOURS = Duration.ofHours(4);
    static final Duration TOKENS = Duration.ofMinutes(5);
    static final Instant LATER = MONDAY.plusSeconds(30);
    static final Instant EXPIRY = LATER.plus(FOUR_HOURS);

    private final MutableClock clock = MutableClock.at(MONDAY);
    private Access.FakeContext context;
    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        context = new Access.FakeContext().with(Access.resource(RULES));
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(context);
        fixture.registerInjectableResource(new AccessTokenLifespan(TOKENS));
    }

    static GrantOpened opened() {
        return new GrantOpened(GRANT, "req-1", RESOURCE, ROLE, DEV.id(), DEV.name(), FOUR_HOURS, List.of("appr1"),
                false, null, Set.of(), null, MONDAY);
    }

    static GrantOpened brokenGlass() {
        return new GrantOpened(GRANT, null, RESOURCE, ROLE, DEV.id(), DEV.name(), Duration.ofHours(1), List.of(),
                true, "prod is down", Set.of("approver"), MONDAY.plus(Duration.ofHours(24)), MONDAY);
    }

    static GrantActivated activated() {
        return new GrantActivated(GRANT, RESOURCE, DEV.id(), LATER, EXPIRY);
    }

    @Test
    void givenAnApprovedRequest_whenTheGrantOpens_thenProvisioningWithoutAClock() {
        fixture.givenNoPriorActivity()
                .when(new OpenGrant(GRANT, "req-1", RESOURCE, ROLE, DEV.id(), DEV.name(), FOUR_HOURS,
                        List.of("appr1")))
                .expectEvents(opened());
    }

    @Test
    void givenAProvisioningGrant_whenKeycloakHasTheMembership_thenTheClockStartsAtActivation() {
        clock.set(LATER);
        fixture.given(opened())
                .when(new ActivateGrant(GRANT))
                .expectEvents(activated());
    }

    @Test
    void givenAProvisioningGrant_whenProvisioningFails_thenTheFailureIsAnEventAndItMayStillActivate() {
        fixture.given(opened())
                .when(new RecordProvisioningFailure(GRANT, "Keycloak unreachable", 1, LATER))
                .expectEvents(new GrantProvisioningFailed(GRANT, "Keycloak unreachable", 1, LATER));
        clock.set(LATER);
        fixture.given(opened(), new GrantProvisioningFailed(GRANT, "Keycloak unreachable", 1, LATER))
                .when(new ActivateGrant(GRANT))
                .expectEvents(activated());
    }

    @Test
    void givenAnActiveGrant_whenActivatedAgain_thenWrongState() {
        fixture.given(opened(), activated())
                .when(new ActivateGrant(GRANT))
                .expectException(violation(Grant.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenAnActiveGrant_whenAnExtensionIsApproved_thenTheExpiryMoves() {
        fixture.given(opened(), activated())
                .when(new ExtendGrant(GRANT, "req-2", Duration.ofHours(2)))
                .expectEvents(new GrantExtended(GRANT, "req-2", EXPIRY, EXPIRY.plus(Duration.ofHours(2))));
    }

    @Test
    void givenAnEndingGrant_whenExtended_thenWrongState() {
        fixture.given(opened(), activated(), revoking())
                .when(new ExtendGrant(GRANT, "req-2", Duration.ofHours(2)))
                .expectException(violation(Grant.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenAnActiveGrant_whenItsExpiryIsDue_thenItEndsAsExpired() {
        clock.set(EXPIRY);
        fixture.given(opened(), activated())
                .when(new ExpireGrant(GRANT))
                .expectEvents(new GrantEnding(GRANT, EndReason.EXPIRED, Actor.system("grant-saga"), null, EXPIRY));
    }

    @Test
    void givenAnActiveGrant_whenExpiredEarly_thenNotYetDue() {
        clock.set(EXPIRY.minusSeconds(1));
        fixture.given(opened(), activated())
                .when(new ExpireGrant(GRANT))
                .expectException(violation(Grant.NOT_YET_DUE))
                .expectNoEvents();
    }

    private static GrantEnding revoking() {
        return new GrantEnding(GRANT, EndReason.REVOKED, ADMIN, "left the team", MONDAY);
    }

    @Test
    void givenAnActiveGrant_whenAnAdminRevokesWithAReason_thenItEnds() {
        fixture.given(opened(), activated())
                .when(new RevokeGrant(GRANT, ADMIN, "left the team"))
                .expectEvents(revoking());
    }

    @Test
    void givenAProvisioningGrant_whenRevoked_thenItEndsToo() {
        fixture.given(opened())
                .when(new RevokeGrant(GRANT, ADMIN, "left the team"))
                .expectEvents(revoking());
    }

    @Test
    void givenAnActiveGrant_whenANonAdminRevokes_thenForbidden() {
        fixture.given(opened(), activated())
                .when(new RevokeGrant(GRANT, APPROVER, "no"))
                .expectException(violation(Grant.REVOKE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenAnActiveGrant_whenRevokedWithoutAReason_thenRefused() {
        fixture.given(opened(), activated())
                .when(new RevokeGrant(GRANT, ADMIN, " "))
                .expectException(violation(Grant.REASON_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenAnEndedGrant_whenRevoked_thenAlreadyEnded() {
        fixture.given(opened(), activated(), revoking(),
                        new GrantEnded(GRANT, RESOURCE, DEV.id(), EndReason.REVOKED, MONDAY, MONDAY.plus(TOKENS)))
                .when(new RevokeGrant(GRANT, ADMIN, "again"))
                .expectException(violation(Grant.ALREADY_ENDED))
                .expectNoEvents();
    }

    @Test
    void givenAnActiveGrant_whenTheGranteeReleasesIt_thenItEnds() {
        fixture.given(opened(), activated())
                .when(new ReleaseGrant(GRANT, DEV))
                .expectEvents(new GrantEnding(GRANT, EndReason.RELEASED, DEV, null, MONDAY));
    }

    @Test
    void givenAnActiveGrant_whenSomeoneElseReleasesIt_thenForbidden() {
        fixture.given(opened(), activated())
                .when(new ReleaseGrant(GRANT, DEV2))
                .expectException(violation(Grant.NOT_GRANTEE))
                .expectNoEvents();
    }

    @Test
    void givenAnEndingGrant_whenKeycloakConfirmsTheRemoval_thenEndedWithTokensEffectiveALittleLonger() {
        clock.set(LATER);
        fixture.given(opened(), activated(), revoking())
                .when(new CompleteDeprovisioning(GRANT))
                .expectEvents(new GrantEnded(GRANT, RESOURCE, DEV.id(), EndReason.REVOKED, LATER, LATER.plus(TOKENS)));
    }

    @Test
    void givenAnEndingGrant_whenRemovalFails_thenDeprovisionFailedAndStillNotEnded() {
        fixture.given(opened(), activated(), revoking())
                .when(new RecordDeprovisioningFailure(GRANT, "Keycloak unreachable", 1, LATER))
                .expectEvents(new GrantDeprovisioningFailed(GRANT, "Keycloak unreachable", 1, LATER));
        fixture.given(opened(), activated(), revoking(),
                        new GrantDeprovisioningFailed(GRANT, "Keycloak unreachable", 1, LATER))
                .when(new RevokeGrant(GRANT, ADMIN, "again"))
                .expectException(violation(Grant.ALREADY_ENDED))
                .expectNoEvents();
    }

    @Test
    void givenAnActiveGrant_whenDeprovisioningIsReported_thenWrongState() {
        fixture.given(opened(), activated())
                .when(new CompleteDeprovisioning(GRANT))
                .expectException(violation(Grant.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenARoleAllowedToBreakTheGlass_whenTaken_thenOpenedAtOnceWithAReviewDue() {
        fixture.givenNoPriorActivity()
                .when(new BreakGlassAccess(GRANT, RESOURCE, "prod is down", DEV))
                .expectEvents(brokenGlass());
    }

    @Test
    void givenARoleNotAllowedToBreakTheGlass_whenTaken_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(new BreakGlassAccess(GRANT, RESOURCE, "curious", APPROVER))
                .expectException(violation(AccessRules.BREAK_GLASS_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenBreakGlassWithoutJustification_whenTaken_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new BreakGlassAccess(GRANT, RESOURCE, "", DEV))
                .expectException(violation(Grant.REASON_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenTheUserHoldsAGrantAlready_whenBreakingTheGlass_thenConflict() {
        context.claimed(DEV.id(), "grant-0");
        fixture.givenNoPriorActivity()
                .when(new BreakGlassAccess(GRANT, RESOURCE, "prod is down", DEV))
                .expectException(violation(Grant.ALREADY_ACTIVE))
                .expectNoEvents();
    }

    @Test
    void givenBrokenGlass_whenAnApproverReviews_thenReviewed() {
        fixture.given(brokenGlass())
                .when(new ReviewBreakGlass(GRANT, APPROVER, true, "incident INC-1"))
                .expectEvents(new BreakGlassReviewed(GRANT, APPROVER, true, "incident INC-1", MONDAY));
    }

    @Test
    void givenBrokenGlass_whenTheTakerReviewsIt_thenSelfReviewRefused() {
        var selfReviewer = new Actor(DEV.id(), DEV.name(), Set.of("developer", "approver"));
        fixture.given(brokenGlass())
                .when(new ReviewBreakGlass(GRANT, selfReviewer, true, "fine"))
                .expectException(violation("break-glass.self-review"))
                .expectNoEvents();
    }

    @Test
    void givenBrokenGlass_whenANonApproverReviews_thenRefused() {
        fixture.given(brokenGlass())
                .when(new ReviewBreakGlass(GRANT, DEV2, true, "fine"))
                .expectException(violation("break-glass.reviewer-role-not-allowed"))
                .expectNoEvents();
    }

    @Test
    void givenAnOrdinaryGrant_whenReviewed_thenThereIsNoReview() {
        fixture.given(opened())
                .when(new ReviewBreakGlass(GRANT, APPROVER, true, "fine"))
                .expectException(violation("break-glass.no-review"))
                .expectNoEvents();
    }

    @Test
    void givenAnUnreviewedBreakGlass_whenTheReviewDeadlinePasses_thenOverdue() {
        Instant deadline = MONDAY.plus(Duration.ofHours(24));
        clock.set(deadline);
        fixture.given(brokenGlass())
                .when(new MarkBreakGlassReviewOverdue(GRANT))
                .expectEvents(new BreakGlassReviewOverdue(GRANT, RESOURCE, DEV.id(), deadline));
    }

    @Test
    void givenAReviewedBreakGlass_whenMarkedOverdue_thenClosed() {
        clock.set(MONDAY.plus(Duration.ofHours(25)));
        fixture.given(brokenGlass(), new BreakGlassReviewed(GRANT, APPROVER, false, "no incident", MONDAY))
                .when(new MarkBreakGlassReviewOverdue(GRANT))
                .expectException(violation("break-glass.review-closed"))
                .expectNoEvents();
    }
}
