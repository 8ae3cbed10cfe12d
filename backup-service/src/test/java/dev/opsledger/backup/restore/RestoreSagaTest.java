package dev.opsledger.backup.restore;

import static dev.opsledger.backup.support.Fixtures.ARTIFACT;
import static dev.opsledger.backup.support.Fixtures.JOB;
import static dev.opsledger.backup.support.Fixtures.NOW;
import static dev.opsledger.backup.support.Fixtures.ONE_APPROVER;
import static dev.opsledger.backup.support.Fixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.backup.restore.api.DestinationKind;
import dev.opsledger.backup.restore.api.ExpireRestore;
import dev.opsledger.backup.restore.api.FailRestore;
import dev.opsledger.backup.restore.api.RestoreApproved;
import dev.opsledger.backup.restore.api.RestoreAwaitingApproval;
import dev.opsledger.backup.restore.api.RestoreDestination;
import dev.opsledger.backup.restore.api.RestoreRejected;
import dev.opsledger.backup.restore.api.RestoreRequested;
import dev.opsledger.backup.restore.api.RestoreStarted;
import dev.opsledger.backup.restore.api.RestoreSucceeded;
import dev.opsledger.backup.restore.api.StartRestore;
import dev.opsledger.backup.restore.saga.RestoreExecutor;
import dev.opsledger.backup.restore.saga.RestoreSaga;
import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.backup.run.api.RequestBackupRun;
import dev.opsledger.backup.run.api.RunTrigger;
import dev.opsledger.backup.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestoreSagaTest {

    private static final String RESTORE = "restore-1";
    private static final Instant DEADLINE = NOW.plus(Duration.ofHours(8));
    private static final String SAFETY = RestoreSaga.safetyRunIdOf(RESTORE);

    private final List<String> calls = new ArrayList<>();
    private SagaTestFixture<RestoreSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RestoreSaga.class);
        fixture.registerResource(new RestoreExecutor() {
            @Override
            public void restore(String restoreId, BackupJob job, BackupArtifact artifact,
                                RestoreDestination destination) {
                calls.add("restore " + restoreId);
            }

            @Override
            public void cancel(String restoreId) {
                calls.add("cancel " + restoreId);
            }
        });
    }

    private static RestoreRequested requested(RestoreDestination destination) {
        return new RestoreRequested(RESTORE, "run-1", JOB, ARTIFACT, destination, OPERATOR, NOW);
    }

    private static Object[] awaitingOriginal() {
        return new Object[] {requested(RestoreDestination.original()),
                new RestoreAwaitingApproval(RESTORE, ONE_APPROVER, OPERATOR.id(), DEADLINE)};
    }

    @Test
    void givenRequested_whenAwaitingApproval_thenApprovalDeadlineScheduled() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(requested(RestoreDestination.original()))
                .whenAggregate(RESTORE).publishes(new RestoreAwaitingApproval(RESTORE, ONE_APPROVER, OPERATOR.id(),
                        DEADLINE))
                .expectScheduledDeadlineWithName(DEADLINE, "restore-approval-deadline")
                .expectNoDispatchedCommands();
    }

    @Test
    void givenAwaitingApproval_whenTheDeadlinePasses_thenExpired() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(awaitingOriginal())
                .whenTimeAdvancesTo(DEADLINE)
                .expectTriggeredDeadlinesWithName("restore-approval-deadline")
                .expectDispatchedCommands(new ExpireRestore(RESTORE));
    }

    @Test
    void givenOverTheOriginal_whenApproved_thenSafetyBackupRequestedUnderADeadline() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(awaitingOriginal())
                .whenAggregate(RESTORE).publishes(new RestoreApproved(RESTORE, List.of("alice"), NOW))
                .expectAssociationWith("runId", SAFETY)
                .expectScheduledDeadlineWithName(JOB.timeout().plus(Duration.ofMinutes(5)),
                        "restore-safety-backup-deadline")
                .expectDispatchedCommands(new RequestBackupRun(SAFETY, JOB.targetId(), RunTrigger.SAFETY,
                        "restore:" + RESTORE, dev.opsledger.platform.actor.Actor.system("restore-saga")));
    }

    @Test
    void givenSafetyBackupRequested_whenItSucceeds_thenRestoreStarts() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(awaitingOriginal())
                .andThenAggregate(RESTORE).published(new RestoreApproved(RESTORE, List.of("alice"), NOW))
                .whenAggregate(SAFETY).publishes(new BackupRunSucceeded(SAFETY, JOB.targetId(), JOB.targetName(),
                        RunTrigger.SAFETY, "restore:" + RESTORE, ARTIFACT, NOW))
                .expectDispatchedCommands(new StartRestore(RESTORE, SAFETY))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenSafetyBackupRequested_whenItFails_thenRestoreFails() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(awaitingOriginal())
                .andThenAggregate(RESTORE).published(new RestoreApproved(RESTORE, List.of("alice"), NOW))
                .whenAggregate(SAFETY).publishes(new BackupRunFailed(SAFETY, JOB.targetId(), JOB.targetName(),
                        "restore:" + RESTORE, "disk full", null, NOW))
                .expectDispatchedCommands(new FailRestore(RESTORE, "The safety backup of the target failed: disk full"));
    }

    @Test
    void givenSafetyBackupRequested_whenNoneArrivesInTime_thenRestoreFails() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(awaitingOriginal())
                .andThenAggregate(RESTORE).published(new RestoreApproved(RESTORE, List.of("alice"), NOW))
                .whenTimeElapses(JOB.timeout().plus(Duration.ofMinutes(5)))
                .expectTriggeredDeadlinesWithName("restore-safety-backup-deadline")
                .expectDispatchedCommands(new FailRestore(RESTORE, "No safety backup of the target within PT35M"));
    }

    @Test
    void givenANewDatabase_whenApproved_thenRestoreStartsWithoutSafetyBackup() {
        var fresh = new RestoreDestination(DestinationKind.NEW_DATABASE, "release_copy");
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(requested(fresh),
                        new RestoreAwaitingApproval(RESTORE, ONE_APPROVER, OPERATOR.id(), DEADLINE))
                .whenAggregate(RESTORE).publishes(new RestoreApproved(RESTORE, List.of("alice"), NOW))
                .expectDispatchedCommands(new StartRestore(RESTORE, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenStarted_whenTheRestoreTakesTooLong_thenStoppedAndFailed() {
        var fresh = new RestoreDestination(DestinationKind.NEW_DATABASE, "release_copy");
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(requested(fresh),
                        new RestoreAwaitingApproval(RESTORE, ONE_APPROVER, OPERATOR.id(), DEADLINE),
                        new RestoreApproved(RESTORE, List.of("alice"), NOW),
                        new RestoreStarted(RESTORE, "run-1", JOB, ARTIFACT, fresh, null, NOW))
                .whenTimeElapses(JOB.timeout())
                .expectTriggeredDeadlinesWithName("restore-deadline")
                .expectDispatchedCommands(new FailRestore(RESTORE, "No restore result within PT30M"));
        assertThat(calls).containsExactly("restore " + RESTORE, "cancel " + RESTORE);
    }

    @Test
    void givenStarted_whenSucceeded_thenSagaEndsWithoutDeadlines() {
        var fresh = new RestoreDestination(DestinationKind.NEW_DATABASE, "release_copy");
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(requested(fresh),
                        new RestoreAwaitingApproval(RESTORE, ONE_APPROVER, OPERATOR.id(), DEADLINE),
                        new RestoreApproved(RESTORE, List.of("alice"), NOW),
                        new RestoreStarted(RESTORE, "run-1", JOB, ARTIFACT, fresh, null, NOW))
                .whenAggregate(RESTORE).publishes(new RestoreSucceeded(RESTORE, "run-1", JOB.targetId(), "ok", NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAwaitingApproval_whenRejected_thenSagaEndsWithoutDeadlines() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(RESTORE).published(awaitingOriginal())
                .whenAggregate(RESTORE).publishes(new RestoreRejected(RESTORE, Fixtures.APPROVER, "no", NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
