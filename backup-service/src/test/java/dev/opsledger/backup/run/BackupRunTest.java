package dev.opsledger.backup.run;

import static dev.opsledger.backup.support.Fixtures.ARTIFACT;
import static dev.opsledger.backup.support.Fixtures.JOB;
import static dev.opsledger.backup.support.Fixtures.NOW;
import static dev.opsledger.backup.support.Fixtures.OPERATOR;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.run.api.BackupRunExpired;
import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunInterrupted;
import dev.opsledger.backup.run.api.BackupRunRequested;
import dev.opsledger.backup.run.api.BackupRunStarted;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.backup.run.api.BackupVerificationFailed;
import dev.opsledger.backup.run.api.BackupVerificationRequested;
import dev.opsledger.backup.run.api.BackupVerified;
import dev.opsledger.backup.run.api.CompleteBackupRun;
import dev.opsledger.backup.run.api.ExpireBackupRun;
import dev.opsledger.backup.run.api.FailBackupRun;
import dev.opsledger.backup.run.api.InterruptBackupRun;
import dev.opsledger.backup.run.api.RecordVerification;
import dev.opsledger.backup.run.api.RequestBackupRun;
import dev.opsledger.backup.run.api.RequestPreDeployBackup;
import dev.opsledger.backup.run.api.RunTrigger;
import dev.opsledger.backup.run.api.StartBackupRun;
import dev.opsledger.backup.run.api.TimeOutBackupRun;
import dev.opsledger.backup.run.api.TimeOutVerification;
import dev.opsledger.backup.run.api.VerifyBackupRun;
import dev.opsledger.backup.policy.command.BackupPolicy;
import dev.opsledger.backup.run.command.BackupRun;
import dev.opsledger.backup.run.command.RunContext;
import dev.opsledger.backup.target.command.Target;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.testkit.MutableClock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackupRunTest {

    private static final String RUN = "run-1";
    private final Map<String, String> active = new HashMap<>();
    private final Set<String> pinned = new HashSet<>();
    private boolean servesPreDeploy = true;
    private AggregateTestFixture<BackupRun> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BackupRun.class);
        fixture.registerInjectableResource(new RunContext() {
            @Override
            public BackupJob jobFor(String targetId) {
                if (!targetId.equals(JOB.targetId())) {
                    throw BusinessRuleViolation.noSuch(Target.NOT_FOUND, "target", targetId);
                }
                return JOB;
            }

            @Override
            public BackupJob jobForPolicy(String policyId) {
                if (!policyId.equals(JOB.policyId())) {
                    throw BusinessRuleViolation.noSuch(BackupPolicy.NOT_FOUND, "policy", policyId);
                }
                return JOB;
            }

            @Override
            public boolean servesPreDeploy(String policyId) {
                return servesPreDeploy;
            }

            @Override
            public boolean claimTarget(String targetId, String runId) {
                return active.putIfAbsent(targetId, runId) == null;
            }

            @Override
            public boolean isPinnedByRestore(String runId) {
                return pinned.contains(runId);
            }
        });
        fixture.registerInjectableResource(MutableClock.at(NOW));
    }

    private static BackupRunRequested requested() {
        return new BackupRunRequested(RUN, JOB, RunTrigger.MANUAL, null, OPERATOR, NOW);
    }

    private static BackupRunSucceeded succeeded() {
        return new BackupRunSucceeded(RUN, JOB.targetId(), JOB.targetName(), RunTrigger.MANUAL, null, ARTIFACT, NOW);
    }

    @Test
    void givenPolicyServingPreDeploy_whenAnotherServiceAsks_thenARequestRunOfItsTargetWithTheRequestId() {
        fixture.givenNoPriorActivity()
                .when(new RequestPreDeployBackup(RUN, JOB.policyId(), "release:p-1:backup:1", OPERATOR))
                .expectEvents(new BackupRunRequested(RUN, JOB, RunTrigger.REQUEST, "release:p-1:backup:1", OPERATOR,
                        NOW));
    }

    @Test
    void givenPolicyNotServingPreDeploy_whenAnotherServiceAsks_thenRefusedWithItsCode() {
        servesPreDeploy = false;
        fixture.givenNoPriorActivity()
                .when(new RequestPreDeployBackup(RUN, JOB.policyId(), "release:p-1:backup:1", OPERATOR))
                .expectException(violation(BackupRun.NOT_PRE_DEPLOY))
                .expectNoEvents();
    }

    @Test
    void givenTargetBeingBackedUp_whenAnotherServiceAsks_thenRefusedAsAlreadyRunning() {
        active.put(JOB.targetId(), "run-0");
        fixture.givenNoPriorActivity()
                .when(new RequestPreDeployBackup(RUN, JOB.policyId(), "release:p-1:backup:1", OPERATOR))
                .expectException(violation(BackupRun.ALREADY_RUNNING))
                .expectNoEvents();
    }

    @Test
    void givenTarget_whenRunRequested_thenRequestedWithTheJob() {
        fixture.givenNoPriorActivity()
                .when(new RequestBackupRun(RUN, JOB.targetId(), RunTrigger.MANUAL, null, OPERATOR))
                .expectEvents(requested());
    }

    @Test
    void givenARunActive_whenSecondRequested_thenAlreadyRunningAndNoEvent() {
        active.put(JOB.targetId(), "run-0");
        fixture.givenNoPriorActivity()
                .when(new RequestBackupRun(RUN, JOB.targetId(), RunTrigger.MANUAL, null, OPERATOR))
                .expectException(violation(BackupRun.ALREADY_RUNNING))
                .expectNoEvents();
    }

    @Test
    void givenUnknownTarget_whenRunRequested_thenNotFoundAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new RequestBackupRun(RUN, "other", RunTrigger.MANUAL, null, OPERATOR))
                .expectException(violation(Target.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenRequested_whenStarted_thenRunning() {
        fixture.given(requested())
                .when(new StartBackupRun(RUN))
                .expectEvents(new BackupRunStarted(RUN, JOB, NOW));
    }

    @Test
    void givenRunning_whenCompleted_thenSucceededWithTheArtifact() {
        fixture.given(requested(), new BackupRunStarted(RUN, JOB, NOW))
                .when(new CompleteBackupRun(RUN, ARTIFACT))
                .expectEvents(succeeded());
    }

    @Test
    void givenRequested_whenCompletedWithoutStarting_thenWrongStateAndNoEvent() {
        fixture.given(requested())
                .when(new CompleteBackupRun(RUN, ARTIFACT))
                .expectException(violation(BackupRun.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenRunning_whenDriverFails_thenFailedWithTheStderrTail() {
        fixture.given(requested(), new BackupRunStarted(RUN, JOB, NOW))
                .when(new FailBackupRun(RUN, "pg_dump exited with 1", "server version mismatch"))
                .expectEvents(new BackupRunFailed(RUN, JOB.targetId(), JOB.targetName(), null, "pg_dump exited with 1",
                        "server version mismatch", NOW));
    }

    @Test
    void givenRunning_whenTimedOut_thenFailedNamingTheTimeout() {
        fixture.given(requested(), new BackupRunStarted(RUN, JOB, NOW))
                .when(new TimeOutBackupRun(RUN))
                .expectEvents(new BackupRunFailed(RUN, JOB.targetId(), JOB.targetName(), null,
                        "No result within the run timeout of PT30M", null, NOW));
    }

    @Test
    void givenSucceeded_whenTimedOutLate_thenWrongStateAndNoEvent() {
        fixture.given(requested(), new BackupRunStarted(RUN, JOB, NOW), succeeded())
                .when(new TimeOutBackupRun(RUN))
                .expectException(violation(BackupRun.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenRunning_whenInterrupted_thenInterrupted() {
        fixture.given(requested(), new BackupRunStarted(RUN, JOB, NOW))
                .when(new InterruptBackupRun(RUN, "stopped"))
                .expectEvents(new BackupRunInterrupted(RUN, JOB.targetId(), JOB.targetName(), null, "stopped", NOW));
    }

    @Test
    void givenSucceeded_whenVerified_thenVerificationRequested() {
        fixture.given(requested(), new BackupRunStarted(RUN, JOB, NOW), succeeded())
                .when(new VerifyBackupRun(RUN, OPERATOR))
                .expectEvents(new BackupVerificationRequested(RUN, JOB, ARTIFACT, OPERATOR, NOW));
    }

    @Test
    void givenFailed_whenVerified_thenNotVerifiableAndNoEvent() {
        fixture.given(requested(), new BackupRunFailed(RUN, JOB.targetId(), JOB.targetName(), null, "x", null, NOW))
                .when(new VerifyBackupRun(RUN, OPERATOR))
                .expectException(violation(BackupRun.NOT_VERIFIABLE))
                .expectNoEvents();
    }

    @Test
    void givenVerifying_whenOutcomesRecorded_thenVerifiedOrFailed() {
        var verifying = new BackupVerificationRequested(RUN, JOB, ARTIFACT, OPERATOR, NOW);
        fixture.given(requested(), succeeded(), verifying)
                .when(new RecordVerification(RUN, true, "3 tables"))
                .expectEvents(new BackupVerified(RUN, JOB.targetId(), "3 tables", NOW));
        fixture.given(requested(), succeeded(), verifying)
                .when(new RecordVerification(RUN, false, "Checksum mismatch"))
                .expectEvents(new BackupVerificationFailed(RUN, JOB.targetId(), "Checksum mismatch", NOW));
        fixture.given(requested(), succeeded(), verifying)
                .when(new TimeOutVerification(RUN))
                .expectEvents(new BackupVerificationFailed(RUN, JOB.targetId(),
                        "No verification result within the run timeout of PT30M", NOW));
    }

    @Test
    void givenSucceeded_whenExpired_thenExpiredNamingTheFile() {
        fixture.given(requested(), succeeded())
                .when(new ExpireBackupRun(RUN, "retention"))
                .expectEvents(new BackupRunExpired(RUN, JOB.targetId(), ARTIFACT.location(), "retention", NOW));
    }

    @Test
    void givenPinnedByRestore_whenExpired_thenPinnedAndNoEvent() {
        pinned.add(RUN);
        fixture.given(requested(), succeeded())
                .when(new ExpireBackupRun(RUN, "retention"))
                .expectException(violation(BackupRun.PINNED))
                .expectNoEvents();
    }

    @Test
    void givenExpired_whenVerified_thenExpiredAndNoEvent() {
        fixture.given(requested(), succeeded(),
                        new BackupRunExpired(RUN, JOB.targetId(), ARTIFACT.location(), "retention", NOW))
                .when(new VerifyBackupRun(RUN, OPERATOR))
                .expectException(violation(BackupRun.EXPIRED))
                .expectNoEvents();
    }
}
