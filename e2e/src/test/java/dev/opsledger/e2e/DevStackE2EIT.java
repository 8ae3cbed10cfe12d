package dev.opsledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The README's run command, as a newcomer runs it: {@code ./opsledger up --detach}, then a release
 * goes to dev through the gateway with real Keycloak tokens, and {@code ./opsledger down} leaves
 * nothing running. Before that, the portal in Debian's Chromium on the same stack (one start for both:
 * the stack takes a minute to come up on 2 cores).
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackE2EIT {

    private static final int OFFSET = RunningStack.OFFSET;

    private static RunningStack stack;
    private static ApiClient api;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = RunningStack.get();
        api = stack.api;
    }

    @Test
    @Order(1)
    void givenPortal_whenDev1RequestsAndAppr1ApprovesInTheBrowser_thenBoardTurnsDeployedWithoutReloadAndAuditShowsTheChain()
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PortalBrowser.CHROMIUM), "No Chromium at " + PortalBrowser.CHROMIUM
                + ": the browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it).");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "portal-" + suffix;
        String application = api.create("rm1", "/api/applications", Map.of("name", name,
                "owningTeam", "platform", "repositoryUrl", "https://git.example.org/platform/portal.git"));
        api.expectSuccess(api.put("rm1", "/api/applications/" + application + "/lifecycle", Map.of("environments", List.of(
                Map.of("name", "dev", "approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                        "fourEyes", true, "decisionTimeout", "PT1H"))))), "define lifecycle");
        String release = api.expectSuccess(api.post("dev1", "/api/releases", Map.of("applicationId", application,
                "version", "3.1.0", "commitSha", "b0bca7e", "artifactReference", "registry.example.org/portal:3.1.0")),
                "register release").text("id");

        try (PortalBrowser browser = new PortalBrowser(RunningStack.GATEWAY, RunningStack.ROOT, RunningStack.ROOT.resolve("e2e/target/screenshots"))) {
            var dev1 = browser.as("dev1").signInAt("/releases/" + release, "dev1-pw");
            dev1.page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName(name + " 3.1.0")).waitFor();
            dev1.page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Request promotion")).click();
            dev1.page.getByText("Promotion to dev requested.").waitFor();
            dev1.checkAccessibility("the release page").screenshot("release.png");

            dev1.open("/inbox");
            var own = dev1.page.getByTestId("inbox-item").filter(new Locator.FilterOptions()
                    .setHasText(name + " 3.1.0 → dev"));
            own.getByText("four eyes means another approver decides").waitFor();
            assertThat(own.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Approve")).isDisabled())
                    .as("dev1 may not approve dev1's own promotion").isTrue();
            dev1.checkAccessibility("dev1's inbox").screenshot("inbox-own-request.png");

            // dev1 keeps the board open from here on: what changes next must arrive without a reload.
            dev1.open("/releases");
            var cell = dev1.page.getByTestId("board-row-" + name).getByTestId("cell-dev");
            cell.getByText("awaiting approval").waitFor();
            dev1.page.evaluate("() => { window.__sameDocument = true; }");

            var appr1 = browser.as("appr1").signInAt("/inbox", "appr1-pw");
            var item = appr1.page.getByTestId("inbox-item").filter(new Locator.FilterOptions()
                    .setHasText(name + " 3.1.0 → dev"));
            item.waitFor();
            appr1.checkAccessibility("appr1's inbox").screenshot("inbox.png");
            item.getByLabel("Comment").fill("Checked the release notes.");
            item.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Approve")).click();
            item.getByText("Approved.").waitFor();

            String promotion = api.get("dev1", "/api/releases/" + release).body().path("promotions").get(0)
                    .path("promotionId").asString();
            api.await("rm1", "/api/promotions/" + promotion, p -> p.path("status").asString().equals("DEPLOYING"),
                    "deployment to start");
            api.expectSuccess(api.post("rm1", "/api/promotions/" + promotion + "/deployment-result",
                    Map.of("outcome", "SUCCEEDED", "evidenceUrl", "https://ci.example.org/portal/" + suffix)), "confirm");

            // The cell said "nothing deployed" until now: wait for the version itself to show as deployed.
            PlaywrightAssertions.assertThat(cell).hasText(Pattern.compile("^3\\.1\\.0 deployed"),
                    new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(dev1.page.evaluate("() => window.__sameDocument === true"))
                    .as("the board changed in the same document: no reload").isEqualTo(true);
            dev1.checkAccessibility("the environment board").screenshot("board.png");

            var audit1 = browser.as("audit1").signInAt("/audit?aggregateId=" + promotion, "audit1-pw");
            audit1.page.getByTestId("audit-entry").first().waitFor();
            audit1.page.getByTestId("chain-release").waitFor();
            assertThat(audit1.page.getByTestId("chain-release").textContent()).contains("verified");
            audit1.checkAccessibility("the audit page").screenshot("audit.png");
            audit1.page.getByText("correlation chain").first().click();
            audit1.page.getByTestId("chain-entry").getByText("DeploymentSucceeded").waitFor(
                    new Locator.WaitForOptions().setTimeout(30_000));
            String chain = audit1.page.locator("ol.chain").first().textContent();
            assertThat(chain).contains("PromotionRequested", "PromotionApprovalGiven", "DeploymentSucceeded",
                    "dev1", "appr1", "rm1");
            audit1.checkAccessibility("the correlation chain").screenshot("audit-chain.png");

            appr1.open("/backups").checkAccessibility("the backups page").screenshot("backups.png");
        }
    }

    /**
     * The Access and Automation pages on the same stack. The test brings its own resource and task
     * (whatever the demo data holds, a list may be empty, and a request of dev1's own on a demo
     * resource could collide with this one), then works through the forms as a person would.
     */
    @Test
    @Order(2)
    void givenPortal_whenDev1RequestsAccessAndRunsATask_thenTheApiMessagesShowAtTheFields_andTheLogFollowsTheRunToItsEnd()
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PortalBrowser.CHROMIUM), "No Chromium at " + PortalBrowser.CHROMIUM);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String resourceName = "portal-db-" + suffix;
        String resource = api.create("admin1", "/api/resources", Map.of("name", resourceName, "owningTeam", "platform",
                "kind", "KEYCLOAK_REALM_ROLE", "target", "portal-e2e-" + suffix,
                "rules", Map.of("approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                                "fourEyes", true, "decisionTimeout", "PT8H"),
                        "maxDuration", "PT8H", "requesterRoles", List.of("developer"))));
        String taskName = "portal-lines-" + suffix;
        // An allow-listed folder on every stack: the e2e module's environment here, the devstack's own setting once it has one.
        String task = api.create("auto1", "/api/tasks", Map.of("name", taskName,
                "description", "Writes a few lines naming its target",
                "executor", Map.of("kind", "SHELL",
                        "executable", RunningStack.ROOT.resolve("automation-service/scripts/log-lines.sh").toString()),
                "parameters", List.of(
                        Map.of("name", "target", "type", "ENUM", "required", true, "values", List.of("qa", "prod")),
                        Map.of("name", "lines", "type", "INTEGER", "min", 1, "max", 5, "defaultValue", "3")),
                "timeout", "PT1M", "concurrency", "ALLOW", "runRoles", List.of("developer")));
        api.await("dev1", "/api/resources/" + resource, r -> r.path("name").asString().equals(resourceName), "the resource");
        api.await("dev1", "/api/tasks/" + task, t -> t.path("name").asString().equals(taskName), "the task");

        try (PortalBrowser browser = new PortalBrowser(RunningStack.GATEWAY, RunningStack.ROOT, RunningStack.ROOT.resolve("e2e/target/screenshots"))) {
            var dev1 = browser.as("dev1").signInAt("/access", "dev1-pw");
            var form = dev1.page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Request access"));
            form.getByLabel("Resource").selectOption(resource);
            form.getByLabel("Justification").fill("Investigating INC-4711 from the portal");
            form.getByLabel("Duration", new Locator.GetByLabelOptions().setExact(true)).fill("12");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request access")).click();
            // The aggregate's own sentence, next to the field it is about.
            form.getByText("The duration must be more than 0 and at most PT8H").waitFor();
            form.getByLabel("Duration", new Locator.GetByLabelOptions().setExact(true)).fill("2");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request access")).click();
            form.getByText("Access to " + resourceName + " requested; it waits for approval.").waitFor();
            dev1.page.getByTestId("my-requests").getByText(resourceName).waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            dev1.checkAccessibility("the access page").screenshot("access.png");

            dev1.open("/inbox");
            var own = dev1.page.getByTestId("inbox-item").filter(new Locator.FilterOptions()
                    .setHasText("Access to " + resourceName + " for dev1"));
            own.getByText("You requested this access: four eyes means another approver decides.").waitFor();
            assertThat(own.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).isDisabled())
                    .as("dev1 may not approve dev1's own access request").isTrue();

            dev1.open("/automation");
            dev1.page.getByTestId("tasks").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(taskName)).waitFor();
            dev1.checkAccessibility("the automation page").screenshot("automation.png");
            dev1.page.getByTestId("tasks").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(taskName)).click();
            var run = dev1.page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Run " + taskName));
            run.getByLabel("lines (integer)").fill("9");
            run.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start run")).click();
            run.getByText("lines must be between 1 and 5").waitFor();
            run.getByText("target is required").waitFor();
            run.getByLabel("target (enum)").selectOption("qa");
            run.getByLabel("lines (integer)").fill("4");
            run.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start run")).click();

            PlaywrightAssertions.assertThat(dev1.page.getByTestId("log-state")).hasText(
                    "The run ended: succeeded. The log is complete.", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(dev1.page.getByTestId("run-log").textContent().lines().toList()).as("the whole log, line by line")
                    .containsExactly("line 1 of 4: qa", "line 2 of 4: qa", "line 3 of 4: qa", "line 4 of 4: qa");
            assertThat(dev1.page.url()).contains("/automation/runs/");
            PlaywrightAssertions.assertThat(dev1.page.getByTestId("run-status")).hasText("succeeded",
                    new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            dev1.checkAccessibility("the run page").screenshot("automation-run.png");

            var appr1 = browser.as("appr1").signInAt("/access", "appr1-pw");
            appr1.page.getByTestId("members-caption").waitFor();
            appr1.checkAccessibility("the access page of an approver").screenshot("access-approver.png");
        }
    }

    @Test
    @Order(3)
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
        stack.killAndAwaitRestart(service, Duration.ofMinutes(3));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (api.get("dev1", "/api/releases?limit=1").status() != 200) {
            assertThat(Instant.now()).as("%s answering again after its restart", service).isBefore(deadline);
            Thread.sleep(500);
        }
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
