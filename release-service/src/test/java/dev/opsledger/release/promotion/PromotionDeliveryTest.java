package dev.opsledger.release.promotion;

import static dev.opsledger.release.support.Lifecycles.BACKUP_POLICY;
import static dev.opsledger.release.support.Lifecycles.DEPLOY_TASK;
import static dev.opsledger.release.support.Lifecycles.DEVELOPER;
import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;
import static dev.opsledger.release.support.Lifecycles.RELEASE_MANAGER;
import static dev.opsledger.release.support.PromotionEvents.APP;
import static dev.opsledger.release.support.PromotionEvents.PROMOTION;
import static dev.opsledger.release.support.PromotionEvents.approved;
import static dev.opsledger.release.support.PromotionEvents.requested;
import static dev.opsledger.release.support.PromotionEvents.target;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.application.command.DeploymentHistory;
import dev.opsledger.release.promotion.api.ConfirmDeployment;
import dev.opsledger.release.promotion.api.DeployTaskFailed;
import dev.opsledger.release.promotion.api.DeployTaskSucceeded;
import dev.opsledger.release.promotion.api.DeploymentFailed;
import dev.opsledger.release.promotion.api.DeploymentStarted;
import dev.opsledger.release.promotion.api.PromotionAnswerIgnored;
import dev.opsledger.release.promotion.api.PromotionBackupFailed;
import dev.opsledger.release.promotion.api.PromotionBackupRequested;
import dev.opsledger.release.promotion.api.PromotionBackupTaken;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.promotion.api.PromotionDeployRunRecorded;
import dev.opsledger.release.promotion.api.PromotionDeployTaskRequested;
import dev.opsledger.release.promotion.api.RecordBackupOutcome;
import dev.opsledger.release.promotion.api.RecordDeployOutcome;
import dev.opsledger.release.promotion.api.RecordDeployProgress;
import dev.opsledger.release.promotion.api.RequestDeployTask;
import dev.opsledger.release.promotion.api.StartDeployment;
import dev.opsledger.release.promotion.api.TakePreDeployBackup;
import dev.opsledger.release.promotion.api.TimeOutBackup;
import dev.opsledger.release.promotion.api.TimeOutDeployment;
import dev.opsledger.release.promotion.command.Promotion;
import dev.opsledger.release.promotion.api.RollBackRelease;
import dev.opsledger.release.promotion.api.PromotionTarget;
import dev.opsledger.release.application.command.DeploymentHistory.DeployedRelease;
import dev.opsledger.release.support.FakePromotionContext;
import dev.opsledger.release.support.Lifecycles;
import dev.opsledger.testkit.MutableClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A promotion that asks other services: the pre-deploy backup and the deploy task's run, their
 * answers as commands, and the answers it no longer waits for (recorded, changing nothing).
 */
class PromotionDeliveryTest {

    private static final EnvironmentRules PROD = Lifecycles.prodDeliveredByTasks();
    private static final String BACKUP_REQUEST = "release:" + PROMOTION + ":backup:1";
    private static final String DEPLOY_REQUEST = "release:" + PROMOTION + ":deploy:1";
    private static final String LOG = "/api/automation/task-runs/run-1/log";
    private static final Actor SAGA = Actor.system("promotion-saga");

    private AggregateTestFixture<Promotion> fixture;
    private FakePromotionContext context;

    @BeforeEach
    void setUp() {
        context = new FakePromotionContext().withRelease("rel-0", APP, "1.3.0").withRelease("rel-1", APP, "1.4.0")
                .withApplication(APP, new Lifecycle(List.of(Lifecycles.dev(), PROD)), DeploymentHistory.NONE);
        fixture = new AggregateTestFixture<>(Promotion.class);
        fixture.registerInjectableResource(MutableClock.at(MONDAY_MORNING));
        fixture.registerInjectableResource(context);
    }

    private static PromotionBackupRequested backupRequested() {
        return new PromotionBackupRequested(PROMOTION, target("prod"), BACKUP_REQUEST, BACKUP_POLICY, DEVELOPER.id());
    }

    private static PromotionBackupTaken backupTaken() {
        return new PromotionBackupTaken(PROMOTION, target("prod"), BACKUP_REQUEST, "backup-run-1", "ab".repeat(32));
    }

    private static PromotionDeployTaskRequested deployRequested() {
        return new PromotionDeployTaskRequested(PROMOTION, target("prod"), DEPLOY_REQUEST, DEPLOY_TASK,
                parameters("1.4.0"), DEVELOPER.id());
    }

    private static Map<String, String> parameters(String version) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("application", APP);
        parameters.put("environment", "prod");
        parameters.put("version", version);
        parameters.put("commit", "0123456789abcdef0123456789abcdef01234567");
        parameters.put("artifact", "registry.example/app:" + version);
        parameters.put("promotion_id", PROMOTION);
        return parameters;
    }

    private static Object[] backingUp() {
        return new Object[] {requested(PROD), approved("prod"), backupRequested()};
    }

    private static Object[] deploying() {
        return new Object[] {requested(PROD), approved("prod"), backupRequested(), backupTaken(),
                new DeploymentStarted(PROMOTION, target("prod")), deployRequested()};
    }

    @Test
    void givenApprovedWithBackupPolicy_whenBackupTaken_thenItIsRequestedUnderAnIdDerivedFromThePromotion() {
        fixture.given(requested(PROD), approved("prod"))
                .when(new TakePreDeployBackup(PROMOTION))
                .expectEvents(backupRequested());
    }

    @Test
    void givenEnvironmentWithoutBackupPolicy_whenBackupTaken_thenRefusedAsWrongState() {
        fixture.given(requested(Lifecycles.dev()), approved("dev"))
                .when(new TakePreDeployBackup(PROMOTION))
                .expectException(violation(PromotionCodes.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenBackupPolicy_whenDeploymentStartsBeforeTheBackup_thenRefusedAsWrongState() {
        fixture.given(requested(PROD), approved("prod"))
                .when(new StartDeployment(PROMOTION))
                .expectException(violation(PromotionCodes.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenBackingUp_whenTheBackupSucceeds_thenBackedUpWithItsRunAndChecksum() {
        fixture.given(backingUp())
                .when(new RecordBackupOutcome(PROMOTION, BACKUP_REQUEST, true, "backup-run-1", "ab".repeat(32), null))
                .expectEvents(backupTaken());
    }

    @Test
    void givenBackupTaken_whenDeploymentStarts_thenItStarts() {
        fixture.given(requested(PROD), approved("prod"), backupRequested(), backupTaken())
                .when(new StartDeployment(PROMOTION))
                .expectEvents(new DeploymentStarted(PROMOTION, target("prod")));
    }

    @Test
    void givenBackingUp_whenTheBackupFails_thenThePromotionFailsWithTheBackupsReason() {
        fixture.given(backingUp())
                .when(new RecordBackupOutcome(PROMOTION, BACKUP_REQUEST, false, "backup-run-1", null, "disk full"))
                .expectEvents(new PromotionBackupFailed(PROMOTION, target("prod"), BACKUP_REQUEST, "backup-run-1",
                        "disk full"));
    }

    @Test
    void givenBackingUp_whenNoAnswerInTime_thenThePromotionFailsAsBackupAnswerMissing() {
        fixture.given(backingUp())
                .when(new TimeOutBackup(PROMOTION))
                .expectEvents(new PromotionBackupFailed(PROMOTION, target("prod"), BACKUP_REQUEST, null,
                        PromotionCodes.BACKUP_ANSWER_MISSING));
    }

    @Test
    void givenBackupTimedOut_whenItsAnswerArrivesLate_thenRecordedAndIgnored() {
        fixture.given(requested(PROD), approved("prod"), backupRequested(),
                        new PromotionBackupFailed(PROMOTION, target("prod"), BACKUP_REQUEST, null,
                                PromotionCodes.BACKUP_ANSWER_MISSING))
                .when(new RecordBackupOutcome(PROMOTION, BACKUP_REQUEST, true, "backup-run-1", "ab".repeat(32), null))
                .expectEvents(new PromotionAnswerIgnored(PROMOTION, BACKUP_REQUEST,
                        "backup succeeded (run backup-run-1)", "the promotion already ended as FAILED"));
    }

    @Test
    void givenNotBackingUp_whenTheBackupTimesOut_thenRefusedAsWrongState() {
        fixture.given(requested(PROD), approved("prod"), backupRequested(), backupTaken())
                .when(new TimeOutBackup(PROMOTION))
                .expectException(violation(PromotionCodes.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenDeploymentStarted_whenTheTaskIsRequested_thenItCarriesTheReleaseAndThePromotionAsParameters() {
        fixture.given(requested(PROD), approved("prod"), backupRequested(), backupTaken(),
                        new DeploymentStarted(PROMOTION, target("prod")))
                .when(new RequestDeployTask(PROMOTION))
                .expectEvents(deployRequested());
    }

    @Test
    void givenTaskAlreadyRequested_whenRequestedAgain_thenRefusedAsWrongState() {
        fixture.given(deploying())
                .when(new RequestDeployTask(PROMOTION))
                .expectException(violation(PromotionCodes.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenTaskRequested_whenItsRunAwaitsApprovalThenStarts_thenThePromotionShowsEach() {
        fixture.given(deploying())
                .when(new RecordDeployProgress(PROMOTION, DEPLOY_REQUEST, "run-1", true))
                .expectEvents(new PromotionDeployRunRecorded(PROMOTION, target("prod"), DEPLOY_REQUEST, "run-1", true));
        fixture.given(deploying())
                .andGivenCommands(new RecordDeployProgress(PROMOTION, DEPLOY_REQUEST, "run-1", true))
                .when(new RecordDeployProgress(PROMOTION, DEPLOY_REQUEST, "run-1", false))
                .expectEvents(new PromotionDeployRunRecorded(PROMOTION, target("prod"), DEPLOY_REQUEST, "run-1",
                        false));
    }

    @Test
    void givenRunRecorded_whenTheSameProgressArrivesAgain_thenNothingChanges() {
        fixture.given(deploying())
                .andGivenCommands(new RecordDeployProgress(PROMOTION, DEPLOY_REQUEST, "run-1", false))
                .when(new RecordDeployProgress(PROMOTION, DEPLOY_REQUEST, "run-1", false))
                .expectNoEvents();
    }

    @Test
    void givenTaskRequested_whenItsRunSucceeds_thenDeployedWithTheRunAndItsLogAsEvidence() {
        fixture.given(deploying())
                .when(new RecordDeployOutcome(PROMOTION, DEPLOY_REQUEST, "run-1", true, "SUCCEEDED", 0, null))
                .expectEvents(new DeployTaskSucceeded(PROMOTION, target("prod"), "run-1", 0, LOG));
    }

    @Test
    void givenTaskRequested_whenItsRunFailsWithExitCode3_thenFailedWithTheExitCodeAndTheLog() {
        fixture.given(deploying())
                .when(new RecordDeployOutcome(PROMOTION, DEPLOY_REQUEST, "run-1", false, "FAILED", 3, "exit code 3"))
                .expectEvents(new DeployTaskFailed(PROMOTION, target("prod"), "run-1", "FAILED", 3, "exit code 3",
                        LOG));
    }

    @Test
    void givenTaskRequestRefused_whenAnswered_thenFailedWithTheRefusalsReasonAndNoRun() {
        fixture.given(deploying())
                .when(new RecordDeployOutcome(PROMOTION, DEPLOY_REQUEST, null, false, "REFUSED", null,
                        "task.not-found: no such task"))
                .expectEvents(new DeployTaskFailed(PROMOTION, target("prod"), null, "REFUSED", null,
                        "task.not-found: no such task", null));
    }

    @Test
    void givenDeployed_whenTheSameAnswerArrivesAgain_thenRecordedAndIgnored() {
        fixture.given(deploying())
                .andGivenCommands(new RecordDeployOutcome(PROMOTION, DEPLOY_REQUEST, "run-1", true, "SUCCEEDED", 0,
                        null))
                .when(new RecordDeployOutcome(PROMOTION, DEPLOY_REQUEST, "run-1", true, "SUCCEEDED", 0, null))
                .expectEvents(new PromotionAnswerIgnored(PROMOTION, DEPLOY_REQUEST, "deploy SUCCEEDED (run run-1)",
                        "the promotion already ended as DEPLOYED"));
    }

    @Test
    void givenTaskRequested_whenAnAnswerNamesAnotherRequest_thenRecordedAndIgnored() {
        fixture.given(deploying())
                .when(new RecordDeployOutcome(PROMOTION, "release:other:deploy:1", "run-9", true, "SUCCEEDED", 0,
                        null))
                .expectEvents(new PromotionAnswerIgnored(PROMOTION, "release:other:deploy:1",
                        "deploy SUCCEEDED (run run-9)", "the promotion is DEPLOYING and does not wait for this answer"));
    }

    @Test
    void givenTaskRequested_whenNoAnswerInTime_thenFailedAsDeployAnswerMissing() {
        fixture.given(deploying())
                .andGivenCommands(new RecordDeployProgress(PROMOTION, DEPLOY_REQUEST, "run-1", false))
                .when(new TimeOutDeployment(PROMOTION))
                .expectEvents(new DeployTaskFailed(PROMOTION, target("prod"), "run-1", "ANSWER_MISSING", null,
                        PromotionCodes.DEPLOY_ANSWER_MISSING, LOG));
    }

    @Test
    void givenDeploymentByHand_whenNoResultInTime_thenFailedAsBefore() {
        fixture.given(requested(Lifecycles.dev()), approved("dev"), new DeploymentStarted(PROMOTION, target("dev")))
                .when(new TimeOutDeployment(PROMOTION))
                .expectEvents(new DeploymentFailed(PROMOTION, target("dev"), SAGA,
                        "No deployment result was recorded within " + Lifecycles.dev().resultTimeout()));
    }

    @Test
    void givenRollbackOfProd_whenItsDeploymentStarts_thenTheSameTaskRedeploysThePreviousVersion() {
        context.withApplication(APP, new Lifecycle(List.of(Lifecycles.dev(), PROD)), DeploymentHistory.NONE
                .with("prod", new DeployedRelease("rel-0", "1.3.0", "p-0"))
                .with("prod", new DeployedRelease("rel-1", "1.4.0", "p-1")));
        var restored = new PromotionTarget(APP, "rel-0", "1.3.0", "prod");
        fixture.givenCommands(new RollBackRelease(PROMOTION, "rel-1", "prod", "error rate doubled", RELEASE_MANAGER),
                        new TakePreDeployBackup(PROMOTION),
                        new RecordBackupOutcome(PROMOTION, BACKUP_REQUEST, true, "backup-run-1", "ab".repeat(32), null),
                        new StartDeployment(PROMOTION))
                .when(new RequestDeployTask(PROMOTION))
                .expectEvents(new PromotionDeployTaskRequested(PROMOTION, restored, DEPLOY_REQUEST, DEPLOY_TASK,
                        parameters("1.3.0"), RELEASE_MANAGER.id()));
    }

    @Test
    void givenDeployTask_whenAReleaseManagerConfirmsByHand_thenRefusedAsDeployedByTask() {
        fixture.given(deploying())
                .when(new ConfirmDeployment(PROMOTION, RELEASE_MANAGER, "https://ci/1"))
                .expectException(violation(PromotionCodes.DEPLOYED_BY_TASK))
                .expectNoEvents();
    }
}
