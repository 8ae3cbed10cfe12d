package dev.opsledger.release.promotion.saga;

import static dev.opsledger.release.support.Lifecycles.BACKUP_POLICY;
import static dev.opsledger.release.support.Lifecycles.DEVELOPER;
import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;
import static dev.opsledger.release.support.PromotionEvents.APP;
import static dev.opsledger.release.support.PromotionEvents.PROMOTION;
import static dev.opsledger.release.support.PromotionEvents.approved;
import static dev.opsledger.release.support.PromotionEvents.requested;
import static dev.opsledger.release.support.PromotionEvents.target;

import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.RecordDeployment;
import dev.opsledger.release.promotion.api.DeployTaskFailed;
import dev.opsledger.release.promotion.api.DeployTaskSucceeded;
import dev.opsledger.release.promotion.api.DeploymentStarted;
import dev.opsledger.release.promotion.api.PromotionBackupFailed;
import dev.opsledger.release.promotion.api.PromotionBackupRequested;
import dev.opsledger.release.promotion.api.PromotionBackupTaken;
import dev.opsledger.release.promotion.api.PromotionCancelled;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.promotion.api.PromotionDeployRunRecorded;
import dev.opsledger.release.promotion.api.PromotionDeployTaskRequested;
import dev.opsledger.release.promotion.api.RequestDeployTask;
import dev.opsledger.release.promotion.api.StartDeployment;
import dev.opsledger.release.promotion.api.TakePreDeployBackup;
import dev.opsledger.release.promotion.api.TimeOutBackup;
import dev.opsledger.release.promotion.api.TimeOutDeployment;
import dev.opsledger.release.support.Lifecycles;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promotion saga where the environment takes a pre-deploy backup (backup-service) and deploys
 * through a task (automation-service): every new wait has its deadline, and every end leaves none.
 */
class PromotionSagaAcrossServicesTest {

    private static final EnvironmentRules PROD = Lifecycles.prodDeliveredByTasks();
    private static final String BACKUP_REQUEST = "release:" + PROMOTION + ":backup:1";
    private static final String DEPLOY_REQUEST = "release:" + PROMOTION + ":deploy:1";

    private SagaTestFixture<PromotionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PromotionSaga.class);
        fixture.registerResource(MutableClock.following(fixture::currentTime));
    }

    private static PromotionBackupRequested backupRequested() {
        return new PromotionBackupRequested(PROMOTION, target("prod"), BACKUP_REQUEST, BACKUP_POLICY, DEVELOPER.id());
    }

    private static PromotionBackupTaken backupTaken() {
        return new PromotionBackupTaken(PROMOTION, target("prod"), BACKUP_REQUEST, "backup-run-1", "ab".repeat(32));
    }

    private static Object[] deploying() {
        return new Object[] {requested(PROD), approved("prod"), backupRequested(), backupTaken(),
                new DeploymentStarted(PROMOTION, target("prod")),
                new PromotionDeployTaskRequested(PROMOTION, target("prod"), DEPLOY_REQUEST, Lifecycles.DEPLOY_TASK,
                        Map.of("version", "1.4.0"), DEVELOPER.id())};
    }

    @Test
    void givenEnvironmentWithBackupPolicy_whenApprovedInAnOpenSlot_thenAsksForThePreDeployBackupFirst() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(PROD))
                .whenAggregate(PROMOTION).publishes(approved("prod"))
                .expectDispatchedCommands(new TakePreDeployBackup(PROMOTION))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenBackupAskedFor_whenRequested_thenWaitsForItsAnswerUntilTheResultTimeout() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(PROD), approved("prod"))
                .whenAggregate(PROMOTION).publishes(backupRequested())
                .expectScheduledDeadlineWithName(PROD.resultTimeout(), PromotionSaga.BACKUP_DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void givenBackingUp_whenNoAnswerComesInTime_thenTheBackupTimesOut() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(PROD), approved("prod"), backupRequested())
                .whenTimeElapses(PROD.resultTimeout())
                .expectTriggeredDeadlinesWithName(PromotionSaga.BACKUP_DEADLINE)
                .expectDispatchedCommands(new TimeOutBackup(PROMOTION));
    }

    @Test
    void givenBackingUp_whenTheBackupIsTaken_thenDeploymentStartsAndTheBackupDeadlineIsCancelled() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(PROD), approved("prod"), backupRequested())
                .whenAggregate(PROMOTION).publishes(backupTaken())
                .expectDispatchedCommands(new StartDeployment(PROMOTION))
                .expectNoScheduledDeadlineWithName(MONDAY_MORNING.plus(PROD.resultTimeout()),
                        PromotionSaga.BACKUP_DEADLINE)
                .expectScheduledDeadlineWithName(PromotionSaga.START_RECHECK, PromotionSaga.DEPLOYMENT_SLOT);
    }

    @Test
    void givenBackupTakenButStartRefused_whenTheRecheckIsDue_thenStartsAgainWithoutASecondBackup() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(PROD), approved("prod"), backupRequested(),
                        backupTaken())
                .whenTimeElapses(PromotionSaga.START_RECHECK)
                .expectDispatchedCommands(new StartDeployment(PROMOTION));
    }

    @Test
    void givenBackingUp_whenTheBackupFails_thenSagaEndsWithoutDeployingAndWithoutDeadlines() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(PROD), approved("prod"), backupRequested())
                .whenAggregate(PROMOTION).publishes(new PromotionBackupFailed(PROMOTION, target("prod"),
                        BACKUP_REQUEST, "backup-run-1", "pg_dump: connection refused"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenBackingUp_whenCancelled_thenSagaEndsAndTheBackupDeadlineIsDropped() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(PROD), approved("prod"), backupRequested())
                .whenAggregate(PROMOTION).publishes(new PromotionCancelled(PROMOTION, target("prod"), DEVELOPER,
                        "wrong build"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenEnvironmentWithDeployTask_whenDeploymentStarts_thenTheTaskIsRequestedUnderTheResultDeadline() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(PROD), approved("prod"), backupRequested(),
                        backupTaken())
                .whenAggregate(PROMOTION).publishes(new DeploymentStarted(PROMOTION, target("prod")))
                .expectDispatchedCommands(new RequestDeployTask(PROMOTION))
                .expectScheduledDeadlineWithName(PROD.resultTimeout(), PromotionSaga.RESULT_DEADLINE)
                .expectNoScheduledDeadlineWithName(PromotionSaga.START_RECHECK, PromotionSaga.DEPLOYMENT_SLOT);
    }

    @Test
    void givenEnvironmentWithoutDeployTask_whenDeploymentStarts_thenNoTaskIsRequested() {
        EnvironmentRules qa = Lifecycles.dev();
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(requested(qa), approved(qa.name()))
                .whenAggregate(PROMOTION).publishes(new DeploymentStarted(PROMOTION, target(qa.name())))
                .expectNoDispatchedCommands();
    }

    @Test
    void givenTaskRunAwaitingApproval_whenRecorded_thenTheResultDeadlineStillStands() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(deploying())
                .whenAggregate(PROMOTION).publishes(new PromotionDeployRunRecorded(PROMOTION, target("prod"),
                        DEPLOY_REQUEST, "run-1", true))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(PROD.resultTimeout(), PromotionSaga.RESULT_DEADLINE);
    }

    @Test
    void givenTaskRequested_whenTheAnswerNeverComes_thenTheDeploymentTimesOut() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(deploying())
                .whenTimeElapses(PROD.resultTimeout())
                .expectTriggeredDeadlinesWithName(PromotionSaga.RESULT_DEADLINE)
                .expectDispatchedCommands(new TimeOutDeployment(PROMOTION));
    }

    @Test
    void givenTaskRequested_whenItsRunSucceeds_thenTheApplicationRecordsTheDeploymentAndSagaEnds() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(deploying())
                .whenAggregate(PROMOTION).publishes(new DeployTaskSucceeded(PROMOTION, target("prod"), "run-1", 0,
                        "/api/automation/task-runs/run-1/log"))
                .expectDispatchedCommands(new RecordDeployment(APP, "prod", "rel-1", "1.4.0", PROMOTION))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenTaskRequested_whenItsRunFails_thenSagaEndsWithoutRecordingAndWithoutDeadlines() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(deploying())
                .whenAggregate(PROMOTION).publishes(new DeployTaskFailed(PROMOTION, target("prod"), "run-1", "FAILED",
                        3, "exit code 3", "/api/automation/task-runs/run-1/log"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenTaskRequested_whenTheDeadlineFailsIt_thenSagaEndsWithoutDeadlines() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(deploying())
                .whenAggregate(PROMOTION).publishes(new DeployTaskFailed(PROMOTION, target("prod"), null,
                        "ANSWER_MISSING", null, PromotionCodes.DEPLOY_ANSWER_MISSING, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenQuietWindow_whenNothingHappens_thenOnlyTheResultDeadlineWaits() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andThenAggregate(PROMOTION).published(deploying())
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(PROD.resultTimeout().minusMinutes(1), PromotionSaga.RESULT_DEADLINE);
    }
}
