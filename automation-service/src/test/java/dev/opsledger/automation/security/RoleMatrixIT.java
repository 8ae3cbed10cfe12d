package dev.opsledger.automation.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import dev.opsledger.testkit.security.RoleMatrix;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every cell of {@code security/role-matrix.txt} against the running service with real tokens,
 * every endpoint with a row; and the rules on the run itself: who may start it (the task's run
 * roles), who may cancel it (its requester or an automation admin), that nobody approves their
 * own run, and that nobody is handed another's run through its idempotency key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class RoleMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCRIPTS = Path.of("target", "role-matrix-scripts").toAbsolutePath();
    private static final Set<String> DEVELOPER = Set.of("developer");

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void scripts(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(SCRIPTS);
        Path echo = SCRIPTS.resolve("echo.sh");
        Files.writeString(echo, "#!/bin/sh\necho matrix\n");
        echo.toFile().setExecutable(true);
        registry.add("opsledger.automation.allowed-executables", () -> SCRIPTS + "/");
        registry.add("opsledger.automation.work-directory", () -> Path.of("target", "role-matrix-work").toAbsolutePath());
    }

    @Test
    void givenTheDeclaredRoleMatrix_whenEveryCellIsSentWithATokenOfThatRole_thenTheServiceAnswersAsDeclared_andEveryEndpointHasARow()
            throws Exception {
        RoleMatrix.assertHolds("automation", "http://127.0.0.1:" + port, issuer);
    }

    @Test
    void givenATaskRunByDevelopers_whenSomeoneWithoutARunRoleStartsIt_then403_andADeveloperMay() throws Exception {
        String task = taskRunBy(List.of("developer"), null);

        for (String role : List.of("backup-operator", "auditor", "approver", "admin")) {
            HttpResponse<String> refused = post("u-" + role, Set.of(role), "/tasks/" + task + "/runs", Map.of());
            assertThat(refused.statusCode()).as(role + ": " + refused.body()).isEqualTo(403);
            assertThat(code(refused)).isEqualTo("run.role-not-allowed");
        }
        HttpResponse<String> noRole = post("u-none", Set.of(), "/tasks/" + task + "/runs", Map.of());
        assertThat(noRole.statusCode()).as("a user without realm roles: " + noRole.body()).isEqualTo(403);
        assertThat(created(post("dev1", DEVELOPER, "/tasks/" + task + "/runs", Map.of()))).isNotBlank();
    }

    @Test
    void givenAnotherDevelopersRunAwaitingApproval_whenADeveloperCancelsItOrTheRequesterApprovesIt_then403_andTheRightPeopleMay()
            throws Exception {
        String task = taskRunBy(List.of("developer"), Map.of("requiredApprovals", 1,
                "approverRoles", List.of("developer", "approver"), "decisionTimeout", "PT8H"));
        String run = created(post("dev1", DEVELOPER, "/tasks/" + task + "/runs", Map.of()));

        HttpResponse<String> cancelByOther = post("dev2", DEVELOPER, "/task-runs/" + run + "/cancel", Map.of());
        assertThat(cancelByOther.statusCode()).as("dev2 cancels dev1's run: " + cancelByOther.body()).isEqualTo(403);
        assertThat(code(cancelByOther)).isEqualTo("run.role-not-allowed");
        HttpResponse<String> ownApproval = post("dev1", DEVELOPER, "/task-runs/" + run + "/approvals", Map.of());
        assertThat(ownApproval.statusCode())
                .as("the requester approves their own run, though holding an approver role of its policy")
                .isEqualTo(403);
        assertThat(code(ownApproval)).isEqualTo("approval.self-approval");
        HttpResponse<String> ownRejection = post("dev1", DEVELOPER, "/task-runs/" + run + "/rejections",
                Map.of("reason", "changed my mind"));
        assertThat(ownRejection.statusCode()).as("nor rejects it as an approver: " + ownRejection.body()).isEqualTo(403);
        HttpResponse<String> notAnApprover = post("bo1", Set.of("backup-operator"), "/task-runs/" + run + "/approvals",
                Map.of());
        assertThat(notAnApprover.statusCode()).as("a role the policy doesn't name: " + notAnApprover.body())
                .isEqualTo(403);
        assertThat(status(run)).isEqualTo("AWAITING_APPROVAL");

        assertThat(post("appr1", Set.of("approver"), "/task-runs/" + run + "/approvals", Map.of()).statusCode())
                .as("an approver of the policy may").isEqualTo(202);

        String another = created(post("dev1", DEVELOPER, "/tasks/" + task + "/runs", Map.of()));
        assertThat(post("auto1", Set.of("automation-admin"), "/task-runs/" + another + "/cancel", Map.of()).statusCode())
                .as("an automation admin cancels anyone's run").isEqualTo(202);
    }

    @Test
    void givenDev1sIdempotencyKey_whenDev2SendsIt_thenRefused_andDev1StillGetsTheirOwnRun() throws Exception {
        String task = taskRunBy(List.of("developer"), Map.of("requiredApprovals", 1,
                "approverRoles", List.of("approver"), "decisionTimeout", "PT8H"));
        String key = "matrix-" + UUID.randomUUID();
        String run = created(post("dev1", DEVELOPER, "/tasks/" + task + "/runs", Map.of("idempotencyKey", key)));

        HttpResponse<String> reused = post("dev2", DEVELOPER, "/tasks/" + task + "/runs", Map.of("idempotencyKey", key));
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
        assertThat(code(reused)).isEqualTo("run.idempotency-key-taken");
        HttpResponse<String> outsider = post("bo1", Set.of("backup-operator"), "/tasks/" + task + "/runs",
                Map.of("idempotencyKey", key));
        assertThat(outsider.statusCode()).as("a caller who may not run the task at all: " + outsider.body())
                .isIn(403, 409);
        assertThat(created(post("dev1", DEVELOPER, "/tasks/" + task + "/runs", Map.of("idempotencyKey", key))))
                .isEqualTo(run);
    }

    private String taskRunBy(List<String> runRoles, Map<String, Object> approval) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "matrix-" + UUID.randomUUID(),
                "executor", Map.of("kind", "SHELL", "executable", SCRIPTS.resolve("echo.sh").toString(),
                        "arguments", List.of()),
                "parameters", List.of(), "timeout", "PT1M", "concurrency", "ALLOW", "runRoles", runRoles));
        if (approval != null) {
            body.put("approval", approval);
        }
        return created(post("auto1", Set.of("automation-admin"), "/tasks", body));
    }

    private String status(String run) throws Exception {
        HttpResponse<String> response = send("audit1", Set.of("auditor"), "GET", "/task-runs/" + run, null);
        return JSON.readTree(response.body()).path("status").asString();
    }

    private static String code(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("code").asString();
    }

    private String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private HttpResponse<String> post(String user, Set<String> roles, String path, Object body)
            throws IOException, InterruptedException {
        return send(user, roles, "POST", path, body);
    }

    private HttpResponse<String> send(String user, Set<String> roles, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", issuer.bearer(user, roles));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
