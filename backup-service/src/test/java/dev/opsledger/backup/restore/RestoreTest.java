package dev.opsledger.backup.restore;

import static dev.opsledger.backup.support.Fixtures.APPROVER;
import static dev.opsledger.backup.support.Fixtures.ARTIFACT;
import static dev.opsledger.backup.support.Fixtures.DEVELOPER;
import static dev.opsledger.backup.support.Fixtures.JOB;
import static dev.opsledger.backup.support.Fixtures.NOW;
import static dev.opsledger.backup.support.Fixtures.ONE_APPROVER;
import static dev.opsledger.backup.support.Fixtures.OPERATOR;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.backup.restore.api.ApproveRestore;
import dev.opsledger.backup.restore.api.CompleteRestore;
import dev.opsledger.backup.restore.api.DestinationKind;
import dev.opsledger.backup.restore.api.ExpireRestore;
import dev.opsledger.backup.restore.api.FailRestore;
import dev.opsledger.backup.restore.api.RejectRestore;
import dev.opsledger.backup.restore.api.RequestRestore;
import dev.opsledger.backup.restore.api.RestoreApprovalGiven;
import dev.opsledger.backup.restore.api.RestoreApproved;
import dev.opsledger.backup.restore.api.RestoreAwaitingApproval;
import dev.opsledger.backup.restore.api.RestoreDestination;
import dev.opsledger.backup.restore.api.RestoreExpired;
import dev.opsledger.backup.restore.api.RestoreFailed;
import dev.opsledger.backup.restore.api.RestoreRejected;
import dev.opsledger.backup.restore.api.RestoreRequested;
import dev.opsledger.backup.restore.api.RestoreStarted;
import dev.opsledger.backup.restore.api.RestoreSucceeded;
import dev.opsledger.backup.restore.api.StartRestore;
import dev.opsledger.backup.restore.command.Restore;
import dev.opsledger.backup.restore.command.RestoreContext;
import dev.opsledger.backup.run.api.RunStatus;
import dev.opsledger.backup.run.api.Verification;
import dev.opsledger.backup.run.command.BackupRun;
import dev.opsledger.backup.run.command.RestorableRun;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestoreTest {

    private static final String RESTORE = "restore-1";
    private static final String RUN = "run-1";
    private static final Instant DEADLINE = NOW.plus(Duration.ofHours(8));
    private final Map<String, RestorableRun> runs = new HashMap<>();
    private final MutableClock clock = MutableClock.at(NOW);
    private AggregateTestFixture<Restore> fixture;

    @BeforeEach
    void setUp() {
        runs.put(RUN, new RestorableRun(RUN, JOB, RunStatus.SUCCEEDED, Verification.VERIFIED, ARTIFACT, false));
        fixture = new AggregateTestFixture<>(Restore.class);
        fixture.registerInjectableResource(new RestoreContext() {
            @Override
            public RestorableRun run(String runId) {
                RestorableRun run = runs.get(runId);
                if (run == null) {
                    throw BusinessRuleViolation.noSuch(BackupRun.NOT_FOUND, "backup run", runId);
                }
                return run;
            }

            @Override
            public ApprovalPolicy approvalFor(String policyId) {
                return ONE_APPROVER;
            }

            @Override
            public void checkNewDirectory(String path) {
            }
        });
        fixture.registerInjectableResource(clock);
    }

    private static RestoreRequested requested() {
        return new RestoreRequested(RESTORE, RUN, JOB, ARTIFACT, RestoreDestination.original(), OPERATOR, NOW);
    }

    private static RestoreAwaitingApproval awaiting() {
        return new RestoreAwaitingApproval(RESTORE, ONE_APPROVER, OPERATOR.id(), DEADLINE);
    }

    private static RestoreApproved approved() {
        return new RestoreApproved(RESTORE, List.of("alice"), NOW);
    }

    @Test
    void givenAGoodRun_whenRestoreRequested_thenAwaitingApprovalUntilTheDeadline() {
        fixture.givenNoPriorActivity()
                .when(new RequestRestore(RESTORE, RUN, RestoreDestination.original(), OPERATOR))
                .expectEvents(requested(), awaiting());
    }

    @Test
    void givenAnExpiredRun_whenRestoreRequested_thenRunExpiredAndNoEvent() {
        runs.put(RUN, new RestorableRun(RUN, JOB, RunStatus.SUCCEEDED, Verification.VERIFIED, ARTIFACT, true));
        fixture.givenNoPriorActivity()
                .when(new RequestRestore(RESTORE, RUN, RestoreDestination.original(), OPERATOR))
                .expectException(violation("restore.run-expired"))
                .expectNoEvents();
    }

    @Test
    void givenARunThatFailedVerification_whenRestoreRequested_thenNotRestorableAndNoEvent() {
        runs.put(RUN, new RestorableRun(RUN, JOB, RunStatus.SUCCEEDED, Verification.FAILED, ARTIFACT, false));
        fixture.givenNoPriorActivity()
                .when(new RequestRestore(RESTORE, RUN, RestoreDestination.original(), OPERATOR))
                .expectException(violation("restore.run-not-restorable"))
                .expectNoEvents();
    }

    @Test
    void givenAnUnknownRun_whenRestoreRequested_thenNotFoundAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new RequestRestore(RESTORE, "nope", RestoreDestination.original(), OPERATOR))
                .expectException(violation(BackupRun.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenADatabaseRun_whenRestoredToAFolder_thenInvalidDestinationAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new RequestRestore(RESTORE, RUN, new RestoreDestination(DestinationKind.NEW_DIRECTORY, "/srv/x"),
                        OPERATOR))
                .expectException(violation("restore.invalid-destination"))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenTheRequesterApproves_thenSelfApprovalAndNoEvent() {
        fixture.given(requested(), awaiting())
                .when(new ApproveRestore(RESTORE, new Actor(OPERATOR.id(), OPERATOR.name(),
                        Set.of("backup-operator", "approver")), "mine"))
                .expectException(violation(Approvals.SELF_APPROVAL))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenADeveloperApproves_thenRoleNotAllowedAndNoEvent() {
        fixture.given(requested(), awaiting())
                .when(new ApproveRestore(RESTORE, DEVELOPER, null))
                .expectException(violation(Approvals.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenAnApproverApproves_thenApproved() {
        fixture.given(requested(), awaiting())
                .when(new ApproveRestore(RESTORE, APPROVER, "go"))
                .expectEvents(new RestoreApprovalGiven(RESTORE, APPROVER, "go", NOW, 0), approved());
    }

    @Test
    void givenAwaitingApproval_whenRejected_thenRejected() {
        fixture.given(requested(), awaiting())
                .when(new RejectRestore(RESTORE, APPROVER, "wrong run"))
                .expectEvents(new RestoreRejected(RESTORE, APPROVER, "wrong run", NOW));
    }

    @Test
    void givenAwaitingApproval_whenExpiredBeforeTheDeadline_thenNotYetDueAndNoEvent() {
        fixture.given(requested(), awaiting())
                .when(new ExpireRestore(RESTORE))
                .expectException(violation(Approvals.NOT_YET_DUE))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenTheDeadlinePassed_thenExpired() {
        clock.set(DEADLINE);
        fixture.given(requested(), awaiting())
                .when(new ExpireRestore(RESTORE))
                .expectEvents(new RestoreExpired(RESTORE, DEADLINE));
    }

    @Test
    void givenApproved_whenStartedAndCompleted_thenSucceeded() {
        fixture.given(requested(), awaiting(), approved())
                .when(new StartRestore(RESTORE, "safety-1"))
                .expectEvents(new RestoreStarted(RESTORE, RUN, JOB, ARTIFACT, RestoreDestination.original(), "safety-1",
                        NOW));
        fixture.given(requested(), awaiting(), approved(),
                        new RestoreStarted(RESTORE, RUN, JOB, ARTIFACT, RestoreDestination.original(), "safety-1", NOW))
                .when(new CompleteRestore(RESTORE, "Restored into database release_service"))
                .expectEvents(new RestoreSucceeded(RESTORE, RUN, JOB.targetId(),
                        "Restored into database release_service", NOW));
    }

    @Test
    void givenAwaitingApproval_whenStarted_thenWrongStateAndNoEvent() {
        fixture.given(requested(), awaiting())
                .when(new StartRestore(RESTORE, null))
                .expectException(violation(Restore.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenApproved_whenTheSafetyBackupFails_thenFailed() {
        fixture.given(requested(), awaiting(), approved())
                .when(new FailRestore(RESTORE, "The safety backup of the target failed: x"))
                .expectEvents(new RestoreFailed(RESTORE, RUN, JOB.targetId(), "The safety backup of the target failed: x",
                        NOW));
    }
}
