package dev.opsledger.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.automation.TaskDefined;
import dev.opsledger.contracts.automation.TaskRunFailed;
import dev.opsledger.contracts.automation.TaskRunRequested;
import dev.opsledger.contracts.automation.TaskRunSucceeded;
import dev.opsledger.contracts.backup.BackupFailed;
import dev.opsledger.contracts.backup.BackupPolicyDefined;
import dev.opsledger.contracts.backup.BackupSucceeded;
import dev.opsledger.testkit.ForeignService;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.ServiceHttp;
import dev.opsledger.testkit.ServiceHttp.Response;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A promotion that takes a pre-deploy backup and deploys through a task, on real PostgreSQL and Kafka.
 * The test plays backup- and automation-service at the Kafka boundary, as they would: it reads
 * release-service's requests from their requests topics and publishes their answers (and their policy
 * and task definitions) as CloudEvents on their events topics. Their own side of the same requests is
 * proven in their own ITs; the whole path across the three services runs in the e2e module.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jobrunr.background-job-server.poll-interval-in-seconds=5",
                "opsledger.kafka.retry-backoff=200ms"})
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class PromotionAcrossServicesIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final String POLICY = "policy-" + UUID.randomUUID();
    private static final String TASK = "task-" + UUID.randomUUID();

    private static ForeignService backup;
    private static ForeignService automation;

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final String developer = issuer.bearer("dev1", Set.of("developer"));
    private final String releaseManager = issuer.bearer("rm1", Set.of("release-manager"));

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @BeforeAll
    static void backupAndAutomationPublishTheirDefinitions(KafkaBroker kafka) {
        backup = ForeignService.playing(OpsLedgerService.BACKUP, kafka);
        automation = ForeignService.playing(OpsLedgerService.AUTOMATION, kafka);
        backup.publish("target-1", new BackupPolicyDefined(POLICY, "target-1", 1, true, Instant.now()), null);
        automation.publish(TASK, new TaskDefined(TASK, "deploy", 1, "shell", false, "u-admin", Instant.now()), null);
    }

    @AfterAll
    static void stopPlaying() {
        backup.close();
        automation.close();
    }

    @Test
    void givenLifecycleReferringToUnknownPolicyOrTask_whenDefined_thenRefusedWithStableCodes() {
        String application = application();
        assertThat(put("/applications/" + application + "/lifecycle", releaseManager, Map.of("environments",
                List.of(Map.of("name", "prod", "backupPolicyRef", "policy-nobody-defined")))).problemCode())
                .isEqualTo("lifecycle.backup-policy-unknown");
        assertThat(put("/applications/" + application + "/lifecycle", releaseManager, Map.of("environments",
                List.of(Map.of("name", "prod", "deployTaskRef", "task-nobody-defined")))).problemCode())
                .isEqualTo("lifecycle.deploy-task-unknown");
    }

    @Test
    void givenBackupFails_whenAnswered_thenPromotionFailedWithTheReasonAndNoTaskRunRequested() {
        String promotion = promoteToProd("PT2M");
        CloudEvent takeBackup = backup.awaitRequest("release:" + promotion + ":backup:1", ASYNC);
        awaitStatus(promotion, "BACKING_UP");
        assertThat(takeBackup.getType()).isEqualTo("dev.opsledger.backup.take-backup.v1");
        assertThat(takeBackup.getExtension("correlationid")).isNotNull();
        assertThat(ForeignService.dataOf(takeBackup).path("policyId").asString()).isEqualTo(POLICY);

        backup.publish("target-1", new BackupFailed("backup-run-" + promotion, "target-1", "db",
                ForeignService.requestIdOf(takeBackup), "pg_dump: connection refused", Instant.now()), takeBackup);

        JsonNode failed = awaitStatus(promotion, "FAILED");
        assertThat(failed.path("outcomeDetail").asString()).contains("pg_dump: connection refused");
        assertThat(failed.path("backupRunId").asString()).isEqualTo("backup-run-" + promotion);
        assertThat(automation.requestsFor("release:" + promotion + ":deploy:1")).isEmpty();
    }

    @Test
    void givenTaskFailsWithExitCode3_whenAnswered_thenPromotionFailedWithTheExitCodeAndTheLogLink() {
        String promotion = promoteToProd("PT2M");
        CloudEvent runTask = backUpAndAwaitRunTask(promotion);
        JsonNode parameters = ForeignService.dataOf(runTask).path("parameters");
        assertThat(parameters.path("version").asString()).isEqualTo("1.0.0");
        assertThat(parameters.path("promotion_id").asString()).isEqualTo(promotion);
        String run = "run-" + promotion;

        automation.publish(run, new TaskRunRequested(run, TASK, 1, ForeignService.requestIdOf(runTask), "REQUEST",
                "digest", "u-dev", Instant.now()), runTask);
        awaitField(promotion, "deployRunId", run);
        automation.publish(run, new TaskRunFailed(run, TASK, 1, ForeignService.requestIdOf(runTask), "FAILED", 3,
                "exit code 3", Instant.now()), runTask);

        JsonNode failed = awaitStatus(promotion, "FAILED");
        assertThat(failed.path("outcomeDetail").asString()).contains("exit code 3")
                .contains("/api/automation/task-runs/" + run + "/log");
    }

    @Test
    void givenTaskRequested_whenTheAnswerNeverComes_thenTheDeadlineFailsItAsDeployAnswerMissing() {
        String promotion = promoteToProd("PT15S");
        backUpAndAwaitRunTask(promotion);

        assertThat(awaitStatus(promotion, "FAILED").path("outcomeDetail").asString())
                .contains("deploy-answer-missing");
    }

    @Test
    void givenTaskSucceeded_whenTheSameAnswerIsDeliveredTwiceAndSentAgain_thenOneTransition() {
        String promotion = promoteToProd("PT2M");
        CloudEvent runTask = backUpAndAwaitRunTask(promotion);
        String run = "run-" + promotion;
        CloudEvent succeeded = automation.answer(new TaskRunSucceeded(run, TASK, 1,
                ForeignService.requestIdOf(runTask), 0, Instant.now()), runTask);

        automation.send(run, succeeded);
        automation.send(run, succeeded);
        // The same answer under a new CloudEvent id (a second answer): recorded, ignored.
        automation.publish(run, new TaskRunSucceeded(run, TASK, 1, ForeignService.requestIdOf(runTask), 0,
                Instant.now()), runTask);

        assertThat(awaitStatus(promotion, "DEPLOYED").path("outcomeDetail").asString())
                .isEqualTo("/api/automation/task-runs/" + run + "/log");
        await().atMost(ASYNC).until(() -> historyOf(promotion).contains("PromotionAnswerIgnored"));
        assertThat(historyOf(promotion)).containsOnlyOnce("DeployTaskSucceeded").containsOnlyOnce(
                "PromotionAnswerIgnored");
        await().atMost(ASYNC).until(() -> get("/environments/board?application=" + applicationOf(promotion),
                releaseManager).body().path("environments").path(0).path("current").path("version").asString()
                .equals("1.0.0"));
    }

    // ---- steps ---------------------------------------------------------------------------------

    private String application() {
        return created(post("/applications", releaseManager, Map.of("name", "shop-" + UUID.randomUUID(),
                "owningTeam", "web", "repositoryUrl", "https://git.example.org/web/shop.git")));
    }

    /** A one-environment lifecycle with a backup policy and a deploy task, once release knows both. */
    private String promoteToProd(String resultTimeout) {
        String application = application();
        Map<String, Object> prod = Map.of("name", "prod", "backupPolicyRef", POLICY, "deployTaskRef", TASK,
                "resultTimeout", resultTimeout);
        // The definitions reach release's read model asynchronously; a client retries the 422.
        await().atMost(ASYNC).until(() -> put("/applications/" + application + "/lifecycle", releaseManager,
                Map.of("environments", List.of(prod))).status() == 202);
        String release = created(post("/releases", developer, Map.of("applicationId", application, "version",
                "1.0.0", "commitSha", "9fceb02d0ae598e95dc970b74767f19372d61af8", "artifactReference",
                "registry.example.org/shop:1.0.0")));
        List<String> promotion = new ArrayList<>();
        await().atMost(ASYNC).until(() -> {
            Response response = post("/releases/" + release + "/promotions", developer, Map.of("environment", "prod"));
            return response.status() == 201 && promotion.add(created(response));
        });
        return promotion.getFirst();
    }

    private CloudEvent backUpAndAwaitRunTask(String promotion) {
        CloudEvent takeBackup = backup.awaitRequest("release:" + promotion + ":backup:1", ASYNC);
        backup.publish("target-1", new BackupSucceeded("backup-run-" + promotion, "target-1", "db",
                "REQUEST", ForeignService.requestIdOf(takeBackup), 2048, "ab".repeat(32), "pg_dump 15", Instant.now()), takeBackup);
        CloudEvent runTask = automation.awaitRequest("release:" + promotion + ":deploy:1", ASYNC);
        assertThat(runTask.getType()).isEqualTo("dev.opsledger.automation.run-task.v1");
        JsonNode deploying = awaitStatus(promotion, "DEPLOYING");
        assertThat(deploying.path("backupSha256").asString()).isEqualTo("ab".repeat(32));
        // One story: the deploy request continues the backup request's chain.
        assertThat(runTask.getExtension("correlationid")).isEqualTo(takeBackup.getExtension("correlationid"));
        return runTask;
    }

    private JsonNode awaitStatus(String promotion, String status) {
        return awaitField(promotion, "status", status);
    }

    private JsonNode awaitField(String promotion, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(ASYNC).until(() -> {
            Response response = get("/promotions/" + promotion, releaseManager);
            return response.status() == 200 && value.equals(response.body().path(field).asString())
                    && found.add(response.body());
        });
        return found.getFirst();
    }

    private String applicationOf(String promotion) {
        return get("/promotions/" + promotion, releaseManager).body().path("applicationId").asString();
    }

    private List<String> historyOf(String promotion) {
        List<String> types = new ArrayList<>();
        eventStore.readEvents(promotion, 0).asStream().map(DomainEventMessage::getPayloadType)
                .forEach(type -> types.add(type.getSimpleName()));
        return types;
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private Response post(String path, String token, Object body) {
        return ServiceHttp.onPort(port).post(path, token, body);
    }

    private Response put(String path, String token, Object body) {
        return ServiceHttp.onPort(port).put(path, token, body);
    }

    private Response get(String path, String token) {
        return ServiceHttp.onPort(port).get(path, token);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("id").asString();
    }
}
