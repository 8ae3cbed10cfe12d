package dev.opsledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.automation.TaskRunFailed;
import dev.opsledger.contracts.automation.TaskRunRequested;
import dev.opsledger.contracts.automation.TaskRunSucceeded;
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
 * Grants on an external resource, provisioned and deprovisioned by automation tasks (ADR 017), on real
 * PostgreSQL and Kafka. The test plays automation-service at the Kafka boundary, as it would: it reads
 * access-service's run-task requests from {@code opsledger.automation.requests} and publishes the runs'
 * answers as CloudEvents on {@code opsledger.automation.events}. automation's own side of a run-task
 * request is proven in its own ITs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // JobRunr's minimum poll interval: a due deadline (expiry, deprovisioning retry) fires within seconds.
        "jobrunr.background-job-server.poll-interval-in-seconds=5",
        "opsledger.kafka.retry-backoff=200ms",
        "opsledger.access.token-lifespan=PT2S"})
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class ExternalAccessThroughTasksIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);

    private static ForeignService automation;

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final String admin = issuer.bearer("admin1", Set.of("admin"));
    private final String approver = issuer.bearer("appr1", Set.of("approver"));

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @BeforeAll
    static void playAutomation(KafkaBroker kafka) {
        automation = ForeignService.playing(OpsLedgerService.AUTOMATION, kafka);
    }

    @AfterAll
    static void stopPlaying() {
        automation.close();
    }

    @Test
    void givenAnExternalResource_whenTheProvisioningTaskSucceeds_thenTheGrantIsActive_andASecondAnswerChangesNothing() {
        String developer = issuer.bearer("dev1", Set.of("developer"));
        External resource = externalResource();
        String request = requestAndApprove(resource.id(), developer, "PT1H");

        JsonNode provisioning = awaitGrant(request, developer, "PROVISIONING");
        String grant = provisioning.path("grantId").asString();
        CloudEvent runTask = awaitRequest("access:" + grant + ":provision:1");
        assertThat(runTask.getType()).isEqualTo("dev.opsledger.automation.run-task.v1");
        assertThat(runTask.getSource()).hasToString(OpsLedgerService.ACCESS.source());
        JsonNode data = ForeignService.dataOf(runTask);
        assertThat(data.path("taskId").asString()).isEqualTo(resource.provisionTask());
        JsonNode parameters = data.path("parameters");
        assertThat(parameters.path("grant_id").asString()).isEqualTo(grant);
        assertThat(parameters.path("user_id").asString()).isEqualTo(LocalJwtIssuer.subjectOf("dev1"));
        assertThat(parameters.path("user_name").asString()).isEqualTo("dev1");
        assertThat(parameters.path("resource_id").asString()).isEqualTo(resource.id());
        assertThat(parameters.path("duration").asString()).isEqualTo("PT1H");
        // Not active before the task's answer; the view names the request it waits for.
        assertThat(awaitField(request, developer, "pendingTaskRequest", "access:" + grant + ":provision:1")
                .path("activatedAt").isNull()).isTrue();

        String run = "run-" + grant;
        automation.publish(run, new TaskRunRequested(run, resource.provisionTask(), 1, ForeignService.requestIdOf(runTask),
                "REQUEST", "digest", LocalJwtIssuer.subjectOf("dev1"), Instant.now()), runTask);
        CloudEvent succeeded = automation.answer(new TaskRunSucceeded(run, resource.provisionTask(), 1,
                ForeignService.requestIdOf(runTask), 0, Instant.now()), runTask);
        automation.send(run, succeeded);
        automation.send(run, succeeded);
        // The same answer under a new CloudEvent id: a second answer, recorded and ignored.
        automation.publish(run, new TaskRunSucceeded(run, resource.provisionTask(), 1,
                ForeignService.requestIdOf(runTask), 0, Instant.now()), runTask);

        JsonNode active = awaitGrant(request, developer, "ACTIVE");
        assertThat(active.path("activatedAt").isNull()).isFalse();
        assertThat(active.path("pendingTaskRequest").isNull()).isTrue();
        await().atMost(ASYNC).until(() -> historyOf(grant).contains("AccessTaskAnswerIgnored"));
        assertThat(historyOf(grant)).containsOnlyOnce("GrantActivated").containsOnlyOnce("AccessTaskAnswerIgnored")
                .containsOnlyOnce("AccessTaskRequested");
    }

    @Test
    void givenAnExternalResource_whenTheProvisioningTaskFails_thenTheGrantIsNotActive_withTheReason() {
        String developer = issuer.bearer("dev2", Set.of("developer"));
        External resource = externalResource();
        String request = requestAndApprove(resource.id(), developer, "PT1H");
        String grant = awaitGrant(request, developer, "PROVISIONING").path("grantId").asString();
        CloudEvent runTask = awaitRequest("access:" + grant + ":provision:1");

        String run = "run-" + grant;
        automation.publish(run, new TaskRunFailed(run, resource.provisionTask(), 1,
                ForeignService.requestIdOf(runTask), "FAILED", 3, "vpn: group missing", Instant.now()), runTask);

        JsonNode failed = awaitGrant(request, developer, "PROVISION_FAILED");
        assertThat(failed.path("lastFailure").asString()).contains("exit code 3").contains("vpn: group missing");
        assertThat(failed.path("activatedAt").isNull()).isTrue();
        assertThat(failed.path("retryAt").isNull()).as("a failed provisioning task is final").isTrue();
        assertThat(historyOf(grant)).contains("GrantProvisioningFailed").doesNotContain("GrantActivated");
        assertThat(get("/resources/" + resource.id() + "/members", admin).body().path("entries")).isEmpty();

        // The grantee gives it up: the deprovisioning task cleans up whatever the failed run left.
        assertThat(post("/grants/" + grant + "/release", developer, Map.of()).status()).isEqualTo(202);
        CloudEvent cleanUp = awaitRequest("access:" + grant + ":deprovision:1");
        assertThat(ForeignService.dataOf(cleanUp).path("parameters").path("end_reason").asString())
                .isEqualTo("RELEASED");
        automation.publish("cleanup-" + grant, new TaskRunSucceeded("cleanup-" + grant, resource.deprovisionTask(),
                1, ForeignService.requestIdOf(cleanUp), 0, Instant.now()), cleanUp);
        awaitGrant(request, developer, "RELEASED");
    }

    @Test
    void givenAnActiveExternalGrant_whenItExpiresAndTheDeprovisioningTaskFails_thenRetriedUnderANewAttemptAndVisible() {
        String developer = issuer.bearer("dev3", Set.of("developer"));
        External resource = externalResource();
        String request = requestAndApprove(resource.id(), developer, "PT5S");
        String grant = awaitGrant(request, developer, "PROVISIONING").path("grantId").asString();
        CloudEvent provision = awaitRequest("access:" + grant + ":provision:1");
        automation.publish("run-" + grant, new TaskRunSucceeded("run-" + grant, resource.provisionTask(), 1,
                ForeignService.requestIdOf(provision), 0, Instant.now()), provision);
        awaitGrant(request, developer, "ACTIVE");

        // The expiry sends the deprovisioning request, with the end.
        CloudEvent first = awaitRequest("access:" + grant + ":deprovision:1");
        JsonNode data = ForeignService.dataOf(first);
        assertThat(data.path("taskId").asString()).isEqualTo(resource.deprovisionTask());
        assertThat(data.path("parameters").path("end_reason").asString()).isEqualTo("EXPIRED");
        assertThat(data.path("parameters").path("ended_at").asString()).isNotBlank();
        assertThat(awaitGrant(request, developer, "DEPROVISIONING").path("pendingTaskRequest").asString())
                .isEqualTo("access:" + grant + ":deprovision:1");

        automation.publish("undo-1-" + grant, new TaskRunFailed("undo-1-" + grant, resource.deprovisionTask(), 1,
                ForeignService.requestIdOf(first), "TIMED_OUT", null, "vpn API did not answer", Instant.now()), first);
        JsonNode failing = awaitGrant(request, developer, "DEPROVISION_FAILED");
        assertThat(failing.path("lastFailure").asString()).contains("TIMED_OUT").contains("vpn API did not answer");
        assertThat(failing.path("retryAt").isNull()).isFalse();

        // The retry is a new attempt, so a new request id and a new run.
        CloudEvent second = awaitRequest("access:" + grant + ":deprovision:2");
        automation.publish("undo-2-" + grant, new TaskRunSucceeded("undo-2-" + grant, resource.deprovisionTask(), 2,
                ForeignService.requestIdOf(second), 0, Instant.now()), second);
        JsonNode expired = awaitGrant(request, developer, "EXPIRED");
        assertThat(expired.path("effectiveUntil").isNull()).isFalse();
        assertThat(expired.path("lastFailure").isNull()).isTrue();
        assertThat(historyOf(grant)).containsOnlyOnce("GrantDeprovisioningFailed").containsOnlyOnce("GrantEnded");
    }

    // ---- steps ---------------------------------------------------------------------------------

    /** An external resource as the test registered it: automation's two task references. */
    record External(String id, String provisionTask, String deprovisionTask) {
    }

    private External externalResource() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String provision = "vpn-add-user-" + suffix;
        String deprovision = "vpn-remove-user-" + suffix;
        String id = post("/resources", admin, Map.of("name", "vpn-" + suffix, "owningTeam", "platform",
                "kind", "EXTERNAL", "target", provision, "deprovisionTask", deprovision,
                "rules", Map.of("approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                                "fourEyes", true, "decisionTimeout", "PT8H"),
                        "maxDuration", "PT8H", "requesterRoles", List.of("developer")))).createdId();
        return new External(id, provision, deprovision);
    }

    private String requestAndApprove(String resource, String developer, String duration) {
        String request = post("/access-requests", developer, Map.of("resourceId", resource,
                "justification", "VPN for the migration", "duration", duration)).createdId();
        await().atMost(ASYNC).until(() -> post("/access-requests/" + request + "/approvals", approver,
                Map.of("comment", "ok")).status() == 202);
        return request;
    }

    private JsonNode awaitGrant(String request, String token, String status) {
        return awaitField(request, token, "status", status);
    }

    private JsonNode awaitField(String request, String token, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(ASYNC).alias(request + ": " + field + " " + value).until(() -> {
            for (JsonNode grant : get("/grants?limit=500", token).body().path("entries")) {
                if (request.equals(grant.path("requestId").asString())
                        && value.equals(grant.path(field).asString())) {
                    return found.add(grant);
                }
            }
            return false;
        });
        return found.getFirst();
    }

    private CloudEvent awaitRequest(String requestId) {
        return automation.awaitRequest(requestId, ASYNC);
    }

    private List<String> historyOf(String grant) {
        List<String> types = new ArrayList<>();
        eventStore.readEvents(grant, 0).asStream().map(DomainEventMessage::getPayloadType)
                .forEach(type -> types.add(type.getSimpleName()));
        return types;
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private Response post(String path, String token, Object body) {
        return ServiceHttp.onPort(port).post(path, token, body);
    }

    private Response get(String path, String token) {
        return ServiceHttp.onPort(port).get(path, token);
    }
}
