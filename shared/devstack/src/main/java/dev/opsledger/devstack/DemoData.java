package dev.opsledger.devstack;

import dev.opsledger.testkit.KeycloakServer;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.PostgresServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a first-time visitor finds: two applications with dev → qa → staging → prod lifecycles (QA
 * open Monday and Wednesday 12:00–15:00 Berlin time, as in the team's seed article), releases at
 * different stages, a promotion waiting for approval; billing's dev and staging take a pre-deploy
 * backup of the demo database {@value #DEMO_DATABASE} and deploy through the demo {@code deploy} task
 * (automation-service/scripts/deploy.sh), so approving billing 1.1.0 really runs the saga across
 * three services, as billing 1.0.0's deployment already did. An access request waits for an approver
 * and a second task has a recent run, so no page of the portal starts empty.
 *
 * <p>Everything goes through the public API with real tokens, so the demo history is a real,
 * auditable history. It runs once, on a fresh stack.
 */
final class DemoData {

    static final String DEMO_DATABASE = "demo_billing";
    /** The credentials reference devstack-services.properties resolves to the embedded server's login. */
    static final String DEMO_CREDENTIALS = "demo";
    static final String DEPLOY_SCRIPT = "automation-service/scripts/deploy.sh";
    static final String SMOKE_TEST_SCRIPT = "automation-service/scripts/smoke-test.sh";

    /**
     * An upper bound only (a few seconds on an idle machine): a backup, a script and four Kafka hops
     * on a loaded one must not fail the whole start.
     */
    private static final Duration SAGA_TIMEOUT = Duration.ofMinutes(3);

    private final ApiClient api;
    private final PostgresServer postgres;
    private final Path root;

    DemoData(String gatewayUrl, KeycloakServer keycloak, PostgresServer postgres, Path root) {
        this.api = new ApiClient(gatewayUrl, keycloak);
        this.postgres = postgres;
        this.root = root;
    }

    void seed(PrintStream out) {
        String policy = backupPolicyOfTheDemoDatabase();
        String deployTask = deployTask();
        out.println("  backup policy " + policy + " on " + DEMO_DATABASE + " (serves pre-deploy backups); task deploy "
                + deployTask);
        smokeTestRun();
        accessRequestWaiting();
        out.println("  dev2 waits for access to the deployers group; a smoke-test run of storefront 2.3.0");

        String billing = registerApplication("billing", "payments", "https://git.example.org/payments/billing.git",
                policy, deployTask);
        String storefront = registerApplication("storefront", "web", "https://git.example.org/web/storefront.git",
                null, null);

        String billing100 = createRelease(billing, "1.0.0", "3f9a2c1", "First billing release");
        deployThroughTheSaga(billing100, "dev");
        String billing110 = createRelease(billing, "1.1.0", "8b7e4d2", "Invoices in PDF");
        String waiting = api.create("dev2", "/api/releases/" + billing110 + "/promotions", Map.of("environment", "dev"));
        out.println("  billing 1.0.0 deployed to dev by the saga (backup, then the deploy task); billing 1.1.0 waits"
                + " for approval to dev (promotion " + waiting + ")");

        String storefront230 = createRelease(storefront, "2.3.0", "c0ffee1", "Checkout redesign");
        deployConfirmedByHand(storefront230, "dev");
        String toQa = api.create("dev1", "/api/releases/" + storefront230 + "/promotions", Map.of("environment", "qa"));
        api.expectSuccess(api.post("appr1", "/api/promotions/" + toQa + "/approvals", Map.of("comment", "QA may test it")),
                "approve storefront 2.3.0 for qa");
        out.println("  storefront 2.3.0 deployed to dev, approved for qa and waiting for the QA window");
    }

    // ---- backup-service --------------------------------------------------------------------------

    /** A small database of the stack's own PostgreSQL, registered as a target with a pre-deploy policy. */
    private String backupPolicyOfTheDemoDatabase() {
        createDemoDatabase();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", DEMO_DATABASE);
        target.put("kind", "POSTGRESQL");
        target.put("host", postgres.host());
        target.put("port", postgres.port());
        target.put("database", DEMO_DATABASE);
        target.put("credentialsRef", DEMO_CREDENTIALS);
        String targetId = api.create("backup1", "/api/backup-targets", target);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("schedule", Map.of("cron", "0 2 * * *", "zone", "Europe/Berlin"));
        policy.put("retention", Map.of("keepLast", 7, "daily", 7, "weekly", 4, "monthly", 3));
        policy.put("rpo", "PT26H");
        policy.put("verification", Map.of("cron", "0 4 * * 0", "zone", "Europe/Berlin"));
        policy.put("restoreApproval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                "fourEyes", true, "decisionTimeout", "PT24H"));
        policy.put("servesPreDeploy", true);
        policy.put("runTimeout", "PT10M");
        // The target is the aggregate the policy names: a policy defined a moment too early is a 404.
        return api.retryWhile(404, () -> api.post("backup1", "/api/backup-policies",
                Map.of("targetId", targetId, "policy", policy)), "define the backup policy of " + DEMO_DATABASE).text("id");
    }

    private void createDemoDatabase() {
        PostgresDatabase database = postgres.createDatabase(DEMO_DATABASE);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS invoice (id bigint PRIMARY KEY, customer text NOT NULL, "
                    + "amount_cents bigint NOT NULL, issued_on date NOT NULL)");
            statement.execute("INSERT INTO invoice VALUES (1, 'ACME GmbH', 125000, DATE '2026-01-31'), "
                    + "(2, 'Globex Ltd', 98000, DATE '2026-02-28'), (3, 'Initech AG', 4300, DATE '2026-03-31') "
                    + "ON CONFLICT (id) DO NOTHING");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill the demo database " + DEMO_DATABASE + ": " + e.getMessage(), e);
        }
    }

    // ---- automation-service ----------------------------------------------------------------------

    /**
     * The task release-service runs for a promotion: it declares exactly the parameters a run-task
     * request carries (ADR 041), typed and checked, and runs the repository's demo script, which the
     * devstack allow-lists by its absolute path.
     */
    private String deployTask() {
        List<Map<String, Object>> parameters = List.of(
                parameter("application", "[A-Za-z0-9._-]{1,64}"),
                parameter("environment", "[a-z0-9-]{1,40}"),
                parameter("version", "[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?"),
                parameter("commit", "[0-9a-f]{7,40}"),
                parameter("artifact", "[A-Za-z0-9._:/@+-]{1,300}"),
                parameter("promotion_id", "[A-Za-z0-9-]{1,64}"));
        return api.create("auto1", "/api/tasks", task("deploy",
                "Deploys a release: the promotion saga runs it once the pre-deploy backup succeeded.",
                DEPLOY_SCRIPT, parameters, "QUEUE", List.of("release-manager", "developer")));
    }

    /** A second task with a run, so the Automation page shows runs beside the definitions. */
    private void smokeTestRun() {
        String task = api.create("auto1", "/api/tasks", task("smoke-test",
                "Checks a deployed version answers; run by hand after a deployment.", SMOKE_TEST_SCRIPT,
                List.of(parameter("application", "[A-Za-z0-9._-]{1,64}"),
                        parameter("version", "[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?")),
                "FORBID", List.of("developer")));
        api.retryWhile(404, () -> api.post("dev1", "/api/tasks/" + task + "/runs",
                Map.of("parameters", Map.of("application", "storefront", "version", "2.3.0"))), "run smoke-test");
    }

    private Map<String, Object> task(String name, String description, String script,
                                     List<Map<String, Object>> parameters, String concurrency, List<String> runRoles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("executor", Map.of("kind", "SHELL", "executable", root.resolve(script).toString(),
                "arguments", List.of()));
        body.put("parameters", parameters);
        body.put("timeout", "PT5M");
        body.put("concurrency", concurrency);
        body.put("runRoles", runRoles);
        return body;
    }

    private static Map<String, Object> parameter(String name, String pattern) {
        return Map.of("name", name, "type", "STRING", "required", true, "pattern", pattern);
    }

    // ---- access-service --------------------------------------------------------------------------

    /** The realm's {@code /deployers} group as a resource, and dev2 asking for it. */
    private void accessRequestWaiting() {
        Map<String, Object> rules = Map.of(
                "approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"), "fourEyes", true,
                        "decisionTimeout", "PT24H"),
                "maxDuration", "PT8H",
                "requesterRoles", List.of("developer"));
        String resource = api.create("admin1", "/api/resources", Map.of("name", "deployers",
                "description", "Members may trigger deployments outside the promotion flow.", "owningTeam", "platform",
                "kind", "KEYCLOAK_GROUP", "target", "/deployers", "rules", rules));
        api.retryWhile(404, () -> api.post("dev2", "/api/access-requests", Map.of("resourceId", resource,
                "justification", "Hotfix of the billing export, INC-4711", "duration", "PT4H")),
                "request access to deployers");
    }

    // ---- release-service -------------------------------------------------------------------------

    /**
     * Registers the application and defines its lifecycle. dev and staging take the pre-deploy backup
     * and deploy through the task when given; release-service knows both only once their definitions
     * reached it over Kafka, and answers 422 until then, so the definition is retried (bounded).
     */
    private String registerApplication(String name, String team, String repository, String backupPolicy,
                                       String deployTask) {
        String id = api.create("rm1", "/api/applications",
                Map.of("name", name, "owningTeam", team, "repositoryUrl", repository));
        Map<String, Object> lifecycle = Map.of("environments", List.of(
                environment("dev", 1, false, List.of(), backupPolicy, deployTask),
                environment("qa", 1, true, List.of(Map.of(
                        "days", List.of("MONDAY", "WEDNESDAY"), "from", "12:00", "to", "15:00", "zone", "Europe/Berlin")),
                        null, null),
                environment("staging", 1, true, List.of(), backupPolicy, deployTask),
                environment("prod", 2, true, List.of(), null, null)));
        api.retryWhile(422, () -> api.put("rm1", "/api/applications/" + id + "/lifecycle", lifecycle),
                "define the lifecycle of " + name);
        return id;
    }

    private static Map<String, Object> environment(String name, int approvers, boolean fourEyes,
                                                   List<Map<String, Object>> windows, String backupPolicy,
                                                   String deployTask) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("name", name);
        environment.put("approval", Map.of("requiredApprovals", approvers, "approverRoles", List.of("approver"),
                "fourEyes", fourEyes, "decisionTimeout", "P7D"));
        environment.put("windows", windows);
        if (backupPolicy != null) {
            environment.put("backupPolicyRef", backupPolicy);
        }
        if (deployTask != null) {
            environment.put("deployTaskRef", deployTask);
        }
        return environment;
    }

    private String createRelease(String applicationId, String version, String commit, String notes) {
        return api.create("dev1", "/api/releases", Map.of("applicationId", applicationId, "version", version,
                "commitSha", commit, "artifactReference", "registry.example.org/demo:" + version, "notes", notes));
    }

    /** Request, approve as someone else; the saga takes the backup, runs the deploy task and records the result. */
    private void deployThroughTheSaga(String releaseId, String environment) {
        String promotion = api.create("dev1", "/api/releases/" + releaseId + "/promotions", Map.of("environment", environment));
        api.expectSuccess(api.post("appr1", "/api/promotions/" + promotion + "/approvals", Map.of("comment", "looks good")),
                "approve " + promotion);
        api.await("rm1", "/api/promotions/" + promotion, body -> {
            String status = body.path("status").asString();
            if (status.equals("FAILED")) {
                throw new IllegalStateException("the demo deployment " + promotion + " failed: " + body);
            }
            return status.equals("DEPLOYED");
        }, "promotion " + promotion + " to be deployed by the saga", SAGA_TIMEOUT);
    }

    /** Request, approve as someone else, wait for the saga to start deploying, confirm (no deploy task). */
    private void deployConfirmedByHand(String releaseId, String environment) {
        String promotion = api.create("dev1", "/api/releases/" + releaseId + "/promotions", Map.of("environment", environment));
        api.expectSuccess(api.post("appr1", "/api/promotions/" + promotion + "/approvals", Map.of("comment", "looks good")),
                "approve " + promotion);
        api.await("rm1", "/api/promotions/" + promotion, body -> body.path("status").asString().equals("DEPLOYING"),
                "promotion " + promotion + " to start deploying");
        api.expectSuccess(api.post("rm1", "/api/promotions/" + promotion + "/deployment-result",
                Map.of("outcome", "SUCCEEDED", "evidenceUrl", "https://ci.example.org/deploy/" + promotion)),
                "confirm " + promotion);
        api.await("rm1", "/api/promotions/" + promotion, body -> body.path("status").asString().equals("DEPLOYED"),
                "promotion " + promotion + " to be deployed");
    }
}
