package dev.opsledger.backup.run;

import static dev.opsledger.backup.support.Fixtures.ARTIFACT;
import static dev.opsledger.backup.support.Fixtures.JOB;
import static dev.opsledger.backup.support.Fixtures.NOW;
import static dev.opsledger.backup.support.Fixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunRequested;
import dev.opsledger.backup.run.api.BackupRunStarted;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.backup.run.api.BackupVerificationRequested;
import dev.opsledger.backup.run.api.BackupVerified;
import dev.opsledger.backup.run.api.RunTrigger;
import dev.opsledger.backup.run.api.StartBackupRun;
import dev.opsledger.backup.run.api.TimeOutBackupRun;
import dev.opsledger.backup.run.api.TimeOutVerification;
import dev.opsledger.backup.run.saga.BackupExecutor;
import dev.opsledger.backup.run.saga.BackupRunSaga;
import dev.opsledger.backup.run.saga.VerificationSaga;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackupRunSagaTest {

    private static final String RUN = "run-1";

    /** Records what the sagas asked the executor to do. */
    static final class RecordingExecutor implements BackupExecutor {
        final List<String> calls = new ArrayList<>();

        @Override
        public void backUp(String runId, BackupJob job) {
            calls.add("backUp " + runId);
        }

        @Override
        public void verify(String runId, BackupJob job, BackupArtifact artifact) {
            calls.add("verify " + runId);
        }

        @Override
        public void cancel(String runId) {
            calls.add("cancel " + runId);
        }
    }

    private final RecordingExecutor executor = new RecordingExecutor();
    private SagaTestFixture<BackupRunSaga> runs;
    private SagaTestFixture<VerificationSaga> verifications;

    @BeforeEach
    void setUp() {
        runs = new SagaTestFixture<>(BackupRunSaga.class);
        runs.registerResource(executor);
        verifications = new SagaTestFixture<>(VerificationSaga.class);
        verifications.registerResource(executor);
    }

    private static BackupRunRequested requested() {
        return new BackupRunRequested(RUN, JOB, RunTrigger.MANUAL, null, OPERATOR, NOW);
    }

    @Test
    void givenNothing_whenRunRequested_thenStarted() {
        runs.givenCurrentTime(NOW)
                .whenAggregate(RUN).publishes(requested())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new StartBackupRun(RUN));
    }

    @Test
    void givenRequested_whenStarted_thenExecutorRunsAndTimeoutScheduled() {
        runs.givenCurrentTime(NOW)
                .andThenAggregate(RUN).published(requested())
                .whenAggregate(RUN).publishes(new BackupRunStarted(RUN, JOB, NOW))
                .expectScheduledDeadlineWithName(JOB.timeout(), "backup-run-timeout")
                .expectNoDispatchedCommands();
        assertThat(executor.calls).containsExactly("backUp " + RUN);
    }

    @Test
    void givenRunning_whenTheTimeoutPasses_thenProcessStoppedAndRunTimedOut() {
        runs.givenCurrentTime(NOW)
                .andThenAggregate(RUN).published(requested(), new BackupRunStarted(RUN, JOB, NOW))
                .whenTimeElapses(JOB.timeout())
                .expectTriggeredDeadlinesWithName("backup-run-timeout")
                .expectDispatchedCommands(new TimeOutBackupRun(RUN));
        assertThat(executor.calls).containsExactly("backUp " + RUN, "cancel " + RUN);
    }

    @Test
    void givenRunning_whenSucceeded_thenTimeoutCancelledAndSagaEnded() {
        runs.givenCurrentTime(NOW)
                .andThenAggregate(RUN).published(requested(), new BackupRunStarted(RUN, JOB, NOW))
                .whenAggregate(RUN).publishes(new BackupRunSucceeded(RUN, JOB.targetId(), JOB.targetName(),
                        RunTrigger.MANUAL, null, ARTIFACT, NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenRunning_whenFailed_thenTimeoutCancelledAndSagaEnded() {
        runs.givenCurrentTime(NOW)
                .andThenAggregate(RUN).published(requested(), new BackupRunStarted(RUN, JOB, NOW))
                .whenAggregate(RUN).publishes(new BackupRunFailed(RUN, JOB.targetId(), JOB.targetName(), null, "x",
                        null, NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenVerificationRequested_whenVerified_thenSagaEndsWithoutDeadlines() {
        var verifying = new BackupVerificationRequested(RUN, JOB, ARTIFACT, OPERATOR, NOW);
        verifications.givenCurrentTime(NOW)
                .andThenAggregate(RUN).published(verifying)
                .whenAggregate(RUN).publishes(new BackupVerified(RUN, JOB.targetId(), "ok", NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(executor.calls).containsExactly("verify " + RUN);
    }

    @Test
    void givenVerifying_whenTheTimeoutPasses_thenVerificationTimedOut() {
        verifications.givenCurrentTime(NOW)
                .andThenAggregate(RUN).published(new BackupVerificationRequested(RUN, JOB, ARTIFACT, OPERATOR, NOW))
                .whenTimeElapses(JOB.timeout())
                .expectTriggeredDeadlinesWithName("backup-verification-timeout")
                .expectDispatchedCommands(new TimeOutVerification(RUN));
        assertThat(executor.calls).containsExactly("verify " + RUN, "cancel " + RUN);
    }
}
