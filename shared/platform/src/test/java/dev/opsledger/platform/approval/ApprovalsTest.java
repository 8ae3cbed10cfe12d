package dev.opsledger.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalsTest {

    private static final Instant REQUESTED_AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final Actor REQUESTER = new Actor("u-dev", "dev1", Set.of("developer", "approver"));
    private static final Actor ALICE = new Actor("u-alice", "alice", Set.of("approver"));
    private static final Actor BOB = new Actor("u-bob", "bob", Set.of("approver"));
    private static final Actor MALLORY = new Actor("u-mallory", "mallory", Set.of("developer"));

    private final ApprovalPolicy twoApprovers = ApprovalPolicy.fourEyes(2, Duration.ofHours(4), "approver");

    private Approvals opened() {
        return Approvals.open(twoApprovers, REQUESTER.id(), REQUESTED_AT);
    }

    @Test
    void givenTwoRequired_whenOneApproves_thenStillPending_andWhenSecondApproves_thenApproved() {
        Approvals afterOne = opened().approve(ALICE, "ok", REQUESTED_AT.plusSeconds(60));
        assertThat(afterOne.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(afterOne.approvalsStillNeeded()).isEqualTo(1);

        Approvals afterTwo = afterOne.approve(BOB, "ok", REQUESTED_AT.plusSeconds(120));
        assertThat(afterTwo.isApproved()).isTrue();
        assertThat(afterTwo.decisions()).extracting(ApprovalDecision::approverName).containsExactly("alice", "bob");
    }

    @Test
    void givenApprovalRoles_whenCallerLacksThem_thenForbiddenWithStableCode() {
        assertThatThrownBy(() -> opened().approve(MALLORY, "", REQUESTED_AT.plusSeconds(1)))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> {
                    BusinessRuleViolation v = (BusinessRuleViolation) e;
                    assertThat(v.code()).isEqualTo(Approvals.ROLE_NOT_ALLOWED);
                    assertThat(v.kind()).isEqualTo(BusinessRuleViolation.Kind.FORBIDDEN);
                });
    }

    @Test
    void givenFourEyes_whenRequesterApprovesOwnRequest_thenForbidden() {
        assertThatThrownBy(() -> opened().approve(REQUESTER, "", REQUESTED_AT.plusSeconds(1)))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", Approvals.SELF_APPROVAL);
    }

    @Test
    void givenFourEyesOff_whenRequesterApproves_thenAccepted() {
        ApprovalPolicy selfService = new ApprovalPolicy(1, Set.of("approver"), false, Duration.ofHours(1));
        Approvals approved = Approvals.open(selfService, REQUESTER.id(), REQUESTED_AT)
                .approve(REQUESTER, "", REQUESTED_AT.plusSeconds(1));
        assertThat(approved.isApproved()).isTrue();
    }

    @Test
    void givenSameApprover_whenApprovingTwice_thenConflict() {
        Approvals afterOne = opened().approve(ALICE, "", REQUESTED_AT.plusSeconds(1));
        assertThatThrownBy(() -> afterOne.approve(ALICE, "", REQUESTED_AT.plusSeconds(2)))
                .hasFieldOrPropertyWithValue("code", Approvals.ALREADY_DECIDED);
    }

    @Test
    void givenOneRejection_whenOthersApprovedBefore_thenRequestEndsRejected_andNoFurtherDecision() {
        Approvals rejected = opened()
                .approve(ALICE, "", REQUESTED_AT.plusSeconds(1))
                .reject(BOB, "not now", REQUESTED_AT.plusSeconds(2));
        assertThat(rejected.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThatThrownBy(() -> rejected.approve(new Actor("u-carol", "carol", Set.of("approver")), "",
                REQUESTED_AT.plusSeconds(3)))
                .hasFieldOrPropertyWithValue("code", Approvals.CLOSED);
    }

    @Test
    void givenDeadlinePassed_whenApproving_thenUnprocessable() {
        Instant afterDeadline = REQUESTED_AT.plus(Duration.ofHours(4));
        assertThatThrownBy(() -> opened().approve(ALICE, "", afterDeadline))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", Approvals.DEADLINE_PASSED)
                .hasFieldOrPropertyWithValue("kind", BusinessRuleViolation.Kind.UNPROCESSABLE);
    }

    @Test
    void givenDeadline_whenExpiredBeforeIt_thenRefused_andAfterIt_thenExpired() {
        assertThatThrownBy(() -> opened().expire(REQUESTED_AT.plusSeconds(60)))
                .hasFieldOrPropertyWithValue("code", Approvals.NOT_YET_DUE);
        Approvals expired = opened().expire(REQUESTED_AT.plus(Duration.ofHours(4)));
        assertThat(expired.status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThatThrownBy(() -> expired.approve(ALICE, "", REQUESTED_AT.plusSeconds(1)))
                .hasFieldOrPropertyWithValue("code", Approvals.CLOSED);
    }

    @Test
    void givenCandidates_whenAskedWhoMayDecide_thenOnlyEligibleOnes() {
        Approvals approvals = opened();
        Instant now = REQUESTED_AT.plusSeconds(5);
        assertThat(approvals.mayBeDecidedBy(ALICE, now)).isTrue();
        assertThat(approvals.mayBeDecidedBy(REQUESTER, now)).isFalse();
        assertThat(approvals.mayBeDecidedBy(MALLORY, now)).isFalse();
    }

    @Test
    void givenInvalidPolicies_whenCreated_thenRejected() {
        assertThatThrownBy(() -> ApprovalPolicy.fourEyes(0, Duration.ofHours(1), "approver"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApprovalPolicy(1, Set.of(), true, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApprovalPolicy.fourEyes(1, Duration.ZERO, "approver"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
