package dev.opsledger.release.security;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every cell of {@code security/role-matrix.txt} against the running service with real tokens,
 * every endpoint with a row; and the rules on the object: one user acting on another's promotion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class RoleMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void givenTheDeclaredRoleMatrix_whenEveryCellIsSentWithATokenOfThatRole_thenTheServiceAnswersAsDeclared_andEveryEndpointHasARow()
            throws Exception {
        RoleMatrix.assertHolds("release", "http://127.0.0.1:" + port, issuer);
    }

    @Test
    void givenAnotherDevelopersPromotion_whenADeveloperCancelsIt_then403_andTheRequesterMayNotApproveTheirOwn() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String application = created(post("rm1", Set.of("release-manager"), "/applications", Map.of("name", "matrix-" + suffix,
                "owningTeam", "platform", "repositoryUrl", "https://git.example.org/platform/m.git")));
        HttpResponse<String> lifecycle = send("rm1", Set.of("release-manager"), "PUT", "/applications/" + application + "/lifecycle",
                Map.of("environments", List.of(Map.of("name", "dev", "approval", Map.of("requiredApprovals", 1,
                        "approverRoles", List.of("developer"), "fourEyes", true, "decisionTimeout", "PT1H")))));
        assertThat(lifecycle.statusCode()).as(lifecycle.body()).isBetween(200, 299);
        String release = created(post("dev1", Set.of("developer"), "/releases", Map.of("applicationId", application,
                "version", "1.0.0", "commitSha", "a1b2c3d", "artifactReference", "registry.example.org/m:1.0.0")));
        String promotion = created(post("dev1", Set.of("developer"), "/releases/" + release + "/promotions",
                Map.of("environment", "dev")));

        assertThat(post("dev2", Set.of("developer"), "/promotions/" + promotion + "/cancel", Map.of()).statusCode())
                .as("another developer cancels dev1's promotion").isEqualTo(403);
        assertThat(post("dev1", Set.of("developer"), "/promotions/" + promotion + "/approvals", Map.of()).statusCode())
                .as("the requester approves their own promotion, though holding an approver role of its policy")
                .isEqualTo(403);
        assertThat(post("dev2", Set.of("developer"), "/promotions/" + promotion + "/approvals", Map.of()).statusCode())
                .as("another developer, an approver role of the policy, may").isBetween(200, 299);
    }

    private String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private HttpResponse<String> post(String user, Set<String> roles, String path, Object body)
            throws IOException, InterruptedException {
        return send(user, roles, "POST", path, body);
    }

    private HttpResponse<String> send(String user, Set<String> roles, String method, String path, Object body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", issuer.bearer(user, roles))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
