package dev.opsledger.access.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.automation.TaskRunSucceeded;
import dev.opsledger.testkit.ForeignService;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.ServiceHttp;
import dev.opsledger.testkit.ServiceHttp.Response;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import dev.opsledger.testkit.security.RoleMatrix;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Every cell of {@code security/role-matrix.txt} against the running service with real tokens, every
 * endpoint with a row; and the rules on the object the matrix can't see: one user reading or acting on
 * another's requests and grants, nobody approving their own request or reviewing their own access. The
 * grants are on an external resource, so no Keycloak is needed; the test plays automation-service to
 * make one active.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "opsledger.kafka.retry-backoff=200ms")
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class RoleMatrixIT {

    private static final Duration ASYNC = Duration.ofSeconds(90);

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final String admin = issuer.bearer("admin1", Set.of("admin"));
    private final String approver = issuer.bearer("appr1", Set.of("approver"));
    /** The requester also holds the approver role the resource's policy names: four eyes must still stop them. */
    private final String lead = issuer.bearer("lead1", Set.of("developer", "approver"));
    private final String otherDeveloper = issuer.bearer("dev2", Set.of("developer"));

    @LocalServerPort
    int port;

    @Test
    void givenTheDeclaredRoleMatrix_whenEveryCellIsSentWithATokenOfThatRole_thenTheServiceAnswersAsDeclared_andEveryEndpointHasARow()
            throws Exception {
        RoleMatrix.assertHolds("access", "http://127.0.0.1:" + port, issuer);
    }

    @Test
    void givenAnotherUsersRequest_whenReadCancelledOrApproved_thenHiddenOrRefused_andTheRequesterMayNotApproveTheirOwn() {
        String resource = externalResource();
        String request = http().post("/access-requests", lead, Map.of("resourceId", resource,
                "justification", "migration", "duration", "PT1H")).createdId();
        await().atMost(ASYNC).until(() -> ids(http().get("/access-requests", lead), "requestId").contains(request));

        assertThat(http().get("/access-requests/" + request, otherDeveloper).status())
                .as("another developer reads lead1's request").isEqualTo(404);
        assertThat(ids(http().get("/access-requests", otherDeveloper), "requestId"))
                .as("another developer lists requests").doesNotContain(request);
        assertThat(ids(http().get("/access-requests?mine=false", otherDeveloper), "requestId"))
                .as("asking for everyone's without a role that sees them").doesNotContain(request);
        assertThat(http().get("/access-requests/" + request, approver).status())
                .as("an approver sees everyone's").isEqualTo(200);
        assertThat(http().post("/access-requests/" + request + "/cancel", otherDeveloper, Map.of()).problemCode())
                .as("another developer cancels lead1's request").isEqualTo("access-request.not-yours");
        assertThat(http().post("/access-requests/" + request + "/approvals", lead, Map.of("comment", "mine"))
                .problemCode()).as("the requester approves their own request, though holding an approver role of "
                        + "its policy").isEqualTo("approval.self-approval");
        assertThat(http().post("/access-requests/" + request + "/rejections", otherDeveloper,
                Map.of("reason", "no")).problemCode()).as("a developer, not an approver role of the policy, rejects")
                .isEqualTo("approval.role-not-allowed");
        assertThat(http().post("/access-requests/" + request + "/approvals", approver, Map.of("comment", "ok"))
                .status()).as("an approver who is not the requester").isEqualTo(202);
    }

    @Test
    void givenRulesLettingTheRequesterApprove_whenAnAdminRegistersThem_thenRefused_nobodyApprovesTheirOwnAccess() {
        Response selfService = http().post("/resources", admin, Map.of("name", "self-" + UUID.randomUUID(),
                "owningTeam", "platform", "kind", "EXTERNAL", "target", "vpn-add", "deprovisionTask", "vpn-remove",
                "rules", Map.of("approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("developer"),
                                "fourEyes", false, "decisionTimeout", "PT8H"),
                        "maxDuration", "PT8H", "requesterRoles", List.of("developer"))));
        assertThat(selfService.status()).isEqualTo(422);
        assertThat(selfService.problemCode()).isEqualTo("resource.self-approval-not-allowed");

        String resource = externalResource();
        assertThat(http().put("/resources/" + resource + "/rules", admin, Map.of("approval", Map.of(
                        "requiredApprovals", 1, "approverRoles", List.of("developer"), "fourEyes", false,
                        "decisionTimeout", "PT8H"), "maxDuration", "PT8H", "requesterRoles", List.of("developer")))
                .problemCode()).isEqualTo("resource.self-approval-not-allowed");
    }

    @Test
    void givenAnotherUsersGrant_whenReadReleasedRevokedExtendedOrReviewed_thenHiddenOrRefused(KafkaBroker kafka) {
        String resource = externalResource();
        String request = http().post("/access-requests", lead, Map.of("resourceId", resource,
                "justification", "migration", "duration", "PT1H")).createdId();
        await().atMost(ASYNC).until(() -> http().post("/access-requests/" + request + "/approvals", approver,
                Map.of("comment", "ok")).status() == 202);
        String grant = awaitGrant(request, lead).path("grantId").asString();

        assertThat(http().get("/grants/" + grant, otherDeveloper).status()).as("another developer reads it")
                .isEqualTo(404);
        assertThat(ids(http().get("/grants?user=" + LocalJwtIssuer.subjectOf("lead1"), otherDeveloper), "grantId"))
                .as("another developer lists lead1's grants by user").doesNotContain(grant);
        assertThat(http().get("/grants/" + grant, issuer.bearer("audit1", Set.of("auditor"))).status())
                .as("an auditor sees everyone's").isEqualTo(200);
        assertThat(http().post("/grants/" + grant + "/release", otherDeveloper, Map.of()).problemCode())
                .as("another developer releases it").isEqualTo("grant.not-grantee");
        assertThat(http().post("/grants/" + grant + "/revoke", otherDeveloper, Map.of("reason", "mine now"))
                .problemCode()).as("a developer outside the owning team revokes it").isEqualTo("grant.revoke-not-allowed");
        assertThat(http().post("/grants/" + grant + "/extend", otherDeveloper, Map.of("justification", "more",
                "duration", "PT1H")).problemCode()).as("another developer extends it")
                .isEqualTo("access-request.not-extendable");

        // Active once automation ran the provisioning task; then a review campaign covers it.
        try (ForeignService automation = ForeignService.playing(OpsLedgerService.AUTOMATION, kafka)) {
            String requestId = "access:" + grant + ":provision:1";
            List<CloudEvent> sent = new ArrayList<>();
            await().atMost(ASYNC).until(() -> sent.addAll(automation.requestsFor(requestId)));
            automation.publish("run-" + grant, new TaskRunSucceeded("run-" + grant, "vpn-add", 1, requestId, 0,
                    Instant.now()), sent.getFirst());
        }
        await().atMost(ASYNC).until(() -> "ACTIVE".equals(http().get("/grants/" + grant, lead).body().path("status")
                .asString()));
        String review = http().post("/access-reviews", admin, Map.of("name", "matrix review", "resourceId", resource,
                "reviewerRoles", List.of("approver"), "deadline", Instant.now().plus(Duration.ofDays(1)).toString()))
                .createdId();
        await().atMost(ASYNC).until(() -> http().get("/access-reviews/" + review, admin).status() == 200);
        assertThat(http().post("/access-reviews/" + review + "/items/" + grant + "/decision", lead,
                Map.of("decision", "KEEP", "comment", "I still need it")).problemCode())
                .as("the grantee, holding a reviewer role, decides on their own grant")
                .isEqualTo("access-review.self-review");
        assertThat(http().post("/access-reviews/" + review + "/items/" + grant + "/decision", otherDeveloper,
                Map.of("decision", "REVOKE", "comment", "x")).problemCode())
                .as("a developer, not a reviewer role of the campaign").isEqualTo("access-review.reviewer-role-not-allowed");
    }

    @Test
    void givenBreakGlassAccess_whenTheTakerReviewsIt_thenRefused() {
        String resource = externalResource();
        String taker = issuer.bearer("oncall1", Set.of("developer", "approver"));
        String grant = http().post("/resources/" + resource + "/break-glass", taker,
                Map.of("justification", "prod is down")).createdId();

        assertThat(http().post("/grants/" + grant + "/review", taker, Map.of("justified", true, "comment", "it was"))
                .problemCode()).as("the taker, holding an approver role, reviews their own break-glass access")
                .isEqualTo("break-glass.self-review");
        assertThat(http().post("/resources/" + resource + "/break-glass", issuer.bearer("audit1", Set.of("auditor")),
                Map.of("justification", "curious")).problemCode()).as("a role the resource does not allow")
                .isEqualTo("break-glass.not-allowed");
    }

    private String externalResource() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return http().post("/resources", admin, Map.of("name", "matrix-" + suffix, "owningTeam", "platform",
                "kind", "EXTERNAL", "target", "vpn-add", "deprovisionTask", "vpn-remove",
                "rules", Map.of("approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                                "fourEyes", true, "decisionTimeout", "PT8H"),
                        "maxDuration", "PT8H", "requesterRoles", List.of("developer"),
                        "breakGlass", Map.of("roles", List.of("developer"), "duration", "PT1H")))).createdId();
    }

    private JsonNode awaitGrant(String request, String token) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(ASYNC).until(() -> {
            for (JsonNode grant : http().get("/grants?limit=500", token).body().path("entries")) {
                if (request.equals(grant.path("requestId").asString())) {
                    return found.add(grant);
                }
            }
            return false;
        });
        return found.getFirst();
    }

    private static List<String> ids(Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("entries").valueStream().map(entry -> entry.path(field).asString()).toList();
    }

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }
}
