package dev.opsledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.devstack.ApiClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's run command, as a newcomer runs it: {@code ./opsledger up --detach}, then a release
 * goes to dev through the gateway with real Keycloak tokens, and {@code ./opsledger down} leaves
 * nothing running.
 */
@Order(Integer.MAX_VALUE)
class DevStackE2EIT {

    private static final int OFFSET = RunningStack.OFFSET;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningStack stack;
    private static ApiClient api;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = RunningStack.get();
        api = stack.api;
    }

    @Test
    void givenRunningStack_whenReleaseIsPromotedApprovedAndDeployed_thenBoardAndAuditShowIt_andDownLeavesNothing()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("dev1", "/api/applications", Map.of("name", "not-mine-" + suffix, "owningTeam", "x",
                "repositoryUrl", "https://git.example.org/x.git")).status())
                .as("release-service behind the gateway refuses a developer registering an application").isEqualTo(403);
        assertThat(api.get("nobody1", "/api/releases").status())
                .as("a user without OpsLedger roles may not read releases").isEqualTo(403);
        String application = api.create("rm1", "/api/applications", Map.of("name", "e2e-" + suffix,
                "owningTeam", "platform", "repositoryUrl", "https://git.example.org/platform/e2e.git"));
        api.expectSuccess(api.put("rm1", "/api/applications/" + application + "/lifecycle", Map.of("environments", List.of(
                Map.of("name", "dev", "approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                        "fourEyes", true, "decisionTimeout", "PT1H")),
                Map.of("name", "prod", "approval", Map.of("requiredApprovals", 2, "approverRoles", List.of("approver"),
                        "fourEyes", true, "decisionTimeout", "PT1H"))))), "define lifecycle");
        ApiClient.Answer registered = api.expectSuccess(api.post("dev1", "/api/releases", Map.of("applicationId", application,
                "version", "1.0.0", "commitSha", "a1b2c3d", "artifactReference", "registry.example.org/e2e:1.0.0")), "register release");
        String release = registered.text("id");
        assertThat(registered.header("Location")).as("Location names the public path, not the service's")
                .isEqualTo("/api/releases/" + release);

        String promotion = api.create("dev1", "/api/releases/" + release + "/promotions", Map.of("environment", "dev"));
        assertThat(api.post("dev1", "/api/promotions/" + promotion + "/approvals", Map.of()).status())
                .as("the requester may not approve their own promotion").isEqualTo(403);
        api.expectSuccess(api.post("appr1", "/api/promotions/" + promotion + "/approvals", Map.of("comment", "ok")),
                "approve as a second user");
        api.await("rm1", "/api/promotions/" + promotion, p -> p.path("status").asString().equals("DEPLOYING"),
                "deployment to start");
        api.expectSuccess(api.post("rm1", "/api/promotions/" + promotion + "/deployment-result",
                Map.of("outcome", "SUCCEEDED", "evidenceUrl", "https://ci.example.org/e2e/" + suffix)), "confirm");

        JsonNode board = api.await("dev1", "/api/environments/board?application=" + application,
                b -> versionIn(b, "dev").equals("1.0.0"), "the board to show 1.0.0 in dev");
        assertThat(versionIn(board, "prod")).isEmpty();

        JsonNode promotionHistory = api.await("audit1", "/api/audit?aggregateId=" + promotion,
                a -> a.path("entries").size() >= 3, "the promotion's audit entries");
        String correlationId = promotionHistory.path("entries").get(0).path("correlationId").asString();
        JsonNode chain = api.await("audit1", "/api/audit?correlationId=" + correlationId,
                a -> a.path("entries").valueStream().anyMatch(e -> e.path("type").asString().equals("DeploymentSucceeded")),
                "the audit chain of one correlation id to reach the deployment");
        assertThat(chain.path("missing").size()).as("no service missing from the audit answer").isZero();
        List<String> actors = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode entry : chain.path("entries")) {
            assertThat(entry.path("correlationId").asString()).isEqualTo(correlationId);
            assertThat(entry.path("service").asString()).isEqualTo("release");
            actors.add(entry.path("actorName").asString());
            types.add(entry.path("type").asString());
        }
        assertThat(actors).as("requester, approver and release manager in one chain").contains("dev1", "appr1", "rm1");
        assertThat(types).as("the chain the promotion request started")
                .contains("PromotionRequested", "PromotionApprovalGiven", "DeploymentStarted", "DeploymentSucceeded");

        JsonNode verification = api.expectSuccess(api.get("audit1", "/api/audit/verify"), "verify the audit chains").body();
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("missing").size()).isZero();
        JsonNode document = api.expectSuccess(api.get("dev1", "/api/release/v3/api-docs"), "release-service's OpenAPI").body();
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/api");
        assertThat(document.path("paths").has("/releases")).as("the document's paths, resolved under /api").isTrue();

        aServiceKilledIsRestartedByTheLauncher("release");

        stack.down();
        for (long pid : stack.pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d still alive after down", pid).isFalse();
        }
        for (int port : List.of(8080, 8081, 8180, 15432, 19092)) {
            assertThat(accepts(port + OFFSET)).as("port %d still open after down", port + OFFSET).isFalse();
        }
    }

    /**
     * kill -9 of a service: the launcher starts it again (as a compose restart policy would),
     * {@code state.json} counts the restart, and the API answers through the gateway again.
     */
    private static void aServiceKilledIsRestartedByTheLauncher(String service) throws Exception {
        long killed = pidOf(service);
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (restartsOf(service) < 1 || pidOf(service) == killed) {
            assertThat(Instant.now()).as("%s restarted by the launcher within 3 min", service).isBefore(deadline);
            Thread.sleep(500);
        }
        stack.pids.add(pidOf(service));
        while (api.get("dev1", "/api/releases?limit=1").status() != 200) {
            assertThat(Instant.now()).as("%s answering again after its restart", service).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static JsonNode stateEntry(String name) throws IOException {
        for (JsonNode entry : JSON.readTree(Files.readString(RunningStack.HOME.resolve("state.json"))).path("entries")) {
            if (entry.path("name").asString().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no " + name + " in state.json");
    }

    private static long pidOf(String name) throws IOException {
        return stateEntry(name).path("pid").asLong();
    }

    private static int restartsOf(String name) throws IOException {
        return stateEntry(name).path("restarts").asInt();
    }

    private static String versionIn(JsonNode board, String environment) {
        for (JsonNode slot : board.path("environments")) {
            if (slot.path("environment").asString().equals(environment)) {
                return slot.path("current").path("version").asString("");
            }
        }
        return "";
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
