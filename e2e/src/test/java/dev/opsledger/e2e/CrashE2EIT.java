package dev.opsledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.devstack.ApiClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of a service in the middle of a promotion, on the devstack's real processes: the launcher
 * restarts the killed JVM (its restart policy), and the promotion ends as it must, with every effect
 * counted through the services' own APIs and stores rather than assumed.
 *
 * <ol>
 *   <li><b>Mid-saga:</b> release-service dies while its promotion waits for the pre-deploy backup
 *   (the backup is still running when it dies, and answers while it is down). After the restart the
 *   promotion is deployed, with exactly one backup run and one task run for its request ids.</li>
 *   <li><b>Mid-run:</b> automation-service dies while the deploy task's process runs. After the
 *   restart no process of the run is alive any more (the restarted service ended the session the
 *   killed one had recorded, ADR 073), the run is closed {@code INTERRUPTED}, the promotion fails
 *   with that reason, and no saga or queued run is left waiting.</li>
 * </ol>
 *
 * Everything is set up through the gateway with real Keycloak tokens: a backup target and policy on
 * a database of the stack's PostgreSQL, a deploy task running {@code automation-service/scripts/
 * deploy-held.sh} (it holds for a typed, bounded number of seconds), and an application whose
 * environment names both. Runs before {@link DevStackE2EIT}, which stops the stack.
 */
@Order(Integer.MAX_VALUE - 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashE2EIT {

    /** A JVM start on a loaded 2-core machine takes up to a minute; a restart adds the back-off. */
    private static final Duration RESTART_WAIT = Duration.ofMinutes(4);
    private static final Duration SAGA_WAIT = Duration.ofMinutes(4);
    private static final Duration REFERENCE_WAIT = Duration.ofMinutes(3);
    /** devstack-services.properties resolves this credentials reference to the embedded server's dev-only login. */
    private static final String CREDENTIALS_REF = "demo";
    private static final String SCRIPT = "automation-service/scripts/deploy-held.sh";
    /** What automation-service records on a run it finds running at start (RunWorkers). */
    private static final String INTERRUPTED_REASON = "the service stopped while the run was running";
    /** Rows in the mid-saga target: enough for pg_dump to take seconds, so release dies while it runs. */
    private static final int ROWS_TO_BACK_UP = 600_000;

    private static RunningStack stack;
    private static ApiClient api;
    private static Instant tokensTakenAt;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = RunningStack.get();
    }

    @Test
    @Order(1)
    void givenPromotionWaitingForItsBackup_whenReleaseServiceIsKilledAndRestarted_thenDeployedWithOneBackupRunAndOneTaskRun()
            throws Exception {
        Instant started = Instant.now();
        Report report = new Report("kill -9 mid-saga (release-service while the promotion is BACKING_UP)");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = "crash_saga_" + suffix;
        fill(database, ROWS_TO_BACK_UP);
        Target target = backupTargetAndPolicy(database, report);
        String task = heldDeployTask("crash-saga-" + suffix, 1, report);
        String promotion = promotionToProd("crash-saga-" + suffix, target.policyId(), task, report);

        approve(promotion, report);
        JsonNode backingUp = awaitPromotion(promotion, p -> !beforeTheBackup(p),
                Duration.ofMinutes(2), Duration.ofMillis(100), "the saga to ask for the backup");
        assertThat(backingUp.path("status").asString()).as("the promotion waits for its backup: %s", backingUp)
                .isEqualTo("BACKING_UP");

        try {
            // What backup-service shows the moment release-service is gone: the backup still to answer.
            RunningStack.Restart restart = stack.killAndAwaitRestart("release", RESTART_WAIT, () -> report.line(
                    "at the kill, backup-service shows %s", summary(backupRunsOf(target.targetId()))));
            report.line("killed release-service pid %d at %s while the promotion was BACKING_UP; restarted as pid %d,"
                    + " healthy after %d s", restart.killedPid(), restart.killedAt(), restart.newPid(),
                    restart.downFor().toSeconds());

            JsonNode deployed = awaitPromotion(promotion, CrashE2EIT::outcome, SAGA_WAIT, Duration.ofMillis(500),
                    "the promotion to end after release-service's restart");
            assertThat(deployed.path("status").asString()).as("promotion after the restart: %s", deployed)
                    .isEqualTo("DEPLOYED");

            List<JsonNode> backups = backupRunsOf(target.targetId());
            List<JsonNode> runs = taskRunsOf(task);
            report.line("stored: backup runs of the target %s", summary(backups));
            report.line("stored: task runs of the task %s", summary(runs));
            assertThat(backups).as("backup runs of the target").hasSize(1);
            JsonNode backup = backups.getFirst();
            assertThat(backup.path("requestId").asString()).isEqualTo("release:" + promotion + ":backup:1");
            assertThat(backup.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(Instant.parse(backup.path("completedAt").asString()))
                    .as("the backup answered after release-service was killed: the answer waited in Kafka for its restart")
                    .isAfter(restart.killedAt());
            assertThat(runs).as("task runs of the deploy task").hasSize(1);
            JsonNode run = runs.getFirst();
            assertThat(run.path("requestId").asString()).isEqualTo("release:" + promotion + ":deploy:1");
            assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(deployed.path("backupRunId").asString()).isEqualTo(backup.path("runId").asString());
            assertThat(deployed.path("deployRunId").asString()).isEqualTo(run.path("runId").asString());

            Map<String, Integer> history = promotionHistory(promotion);
            report.line("stored: the promotion's events in release's event store %s", history);
            assertThat(history).containsEntry("PromotionBackupRequested", 1).containsEntry("PromotionBackupTaken", 1)
                    .containsEntry("PromotionDeployTaskRequested", 1).containsEntry("DeployTaskSucceeded", 1)
                    .doesNotContainKey("PromotionAnswerIgnored");
            assertThat(sagaAssociations(promotion)).as("PromotionSaga still associated with the promotion").isZero();
            report.line("lost: 0; done twice: 0; the saga ended (%d s in all)",
                    Duration.between(started, Instant.now()).toSeconds());
        } finally {
            report.print();
        }
    }

    @Test
    @Order(2)
    void givenDeployTaskRunning_whenAutomationServiceIsKilledAndRestarted_thenRunInterruptedAndPromotionFailedWithThatReason()
            throws Exception {
        Instant started = Instant.now();
        Report report = new Report("kill -9 mid-run (automation-service while the deploy task runs)");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = "crash_run_" + suffix;
        fill(database, 100);
        Target target = backupTargetAndPolicy(database, report);
        // Long enough that only the kill can end the run; bounded, so a leftover process ends by itself.
        String task = heldDeployTask("crash-run-" + suffix, 300, report);
        String promotion = promotionToProd("crash-run-" + suffix, target.policyId(), task, report);

        approve(promotion, report);
        JsonNode running = awaitRunning(task);
        String runId = running.path("runId").asString();
        report.line("run %s of the deploy task is RUNNING and has logged its start", runId);
        long automation = RunningStack.pidOf("automation");
        List<ProcessHandle> scripts = ProcessHandle.of(automation).orElseThrow().descendants().toList();
        report.line("processes of the run before the kill: %s", describe(scripts));
        assertThat(scripts).as("the deploy script's processes under automation-service").isNotEmpty();

        RunningStack.Restart restart = stack.killAndAwaitRestart("automation", RESTART_WAIT);
        report.line("killed automation-service pid %d at %s while run %s was RUNNING; restarted as pid %d,"
                + " healthy after %d s", restart.killedPid(), restart.killedAt(), runId, restart.newPid(),
                restart.downFor().toSeconds());
        try {
            JsonNode failed = awaitPromotion(promotion, CrashE2EIT::outcome, SAGA_WAIT, Duration.ofMillis(500),
                    "the promotion to end after automation-service's restart");
            assertThat(failed.path("status").asString()).as("promotion after the restart: %s", failed)
                    .isEqualTo("FAILED");
            assertThat(failed.path("outcomeDetail").asString()).as("the promotion's reason")
                    .contains(INTERRUPTED_REASON);
            report.line("acknowledged: the promotion FAILED with \"%s\"", failed.path("outcomeDetail").asString());

            List<JsonNode> runs = taskRunsOf(task);
            report.line("stored: task runs of the task %s", summary(runs));
            assertThat(runs).as("task runs of the deploy task").hasSize(1);
            JsonNode run = runs.getFirst();
            assertThat(run.path("runId").asString()).isEqualTo(runId);
            assertThat(run.path("requestId").asString()).isEqualTo("release:" + promotion + ":deploy:1");
            assertThat(run.path("status").asString()).isEqualTo("INTERRUPTED");
            assertThat(run.path("detail").asString()).contains(INTERRUPTED_REASON)
                    .contains("of its processes still running were ended");
            // SIGKILL ended the JVM only; the restarted service ended the rest before closing the run.
            List<ProcessHandle> survivors = scripts.stream().filter(ProcessHandle::isAlive).toList();
            report.line("processes of the run alive after the restart: %d of %d; the run says \"%s\"",
                    survivors.size(), scripts.size(), run.path("detail").asString());
            assertThat(survivors).as("processes of the run alive after automation-service's restart").isEmpty();
            assertThat(backupRunsOf(target.targetId())).as("backup runs of the target").hasSize(1);
            assertThat(failed.path("deployRunId").asString()).isEqualTo(runId);

            Map<String, Integer> history = promotionHistory(promotion);
            report.line("stored: the promotion's events in release's event store %s", history);
            assertThat(history).containsEntry("PromotionDeployTaskRequested", 1).containsEntry("DeployTaskFailed", 1)
                    .doesNotContainKey("DeployTaskSucceeded").doesNotContainKey("PromotionAnswerIgnored");
            assertThat(sagaAssociations(promotion)).as("PromotionSaga still associated with the promotion").isZero();
            assertThat(queuedOrRunning(runId)).as("the run still in automation's queue").isZero();
            report.line("left waiting: no saga, no queued or running run; lost: 0 (%d s in all)",
                    Duration.between(started, Instant.now()).toSeconds());
        } finally {
            // Only when an assertion above failed is anything left: end it, so later tests don't inherit it.
            List<ProcessHandle> survivors = scripts.stream().filter(ProcessHandle::isAlive).toList();
            if (!survivors.isEmpty()) {
                report.line("test failed: ending the %d survivors now %s", survivors.size(), describe(survivors));
                survivors.forEach(ProcessHandle::destroyForcibly);
            }
            report.print();
        }
    }

    // ---- setup through the public API ----------------------------------------------------------

    private record Target(String targetId, String policyId) {
    }

    /** A database of the stack's PostgreSQL, with rows for pg_dump to read. */
    private static void fill(String database, int rows) throws SQLException {
        String server = "jdbc:postgresql://127.0.0.1:" + RunningStack.POSTGRES_PORT + "/";
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection connection = DriverManager.getConnection(server + database, "postgres", "postgres");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ledger SELECT g, md5(g::text) || md5((g * 7)::text) FROM generate_series(1, ?) g")) {
            connection.createStatement().execute("CREATE TABLE ledger (id bigint PRIMARY KEY, line text NOT NULL)");
            insert.setInt(1, rows);
            insert.executeUpdate();
        }
    }

    private static Target backupTargetAndPolicy(String database, Report report) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", database);
        target.put("kind", "POSTGRESQL");
        target.put("host", "127.0.0.1");
        target.put("port", RunningStack.POSTGRES_PORT);
        target.put("database", database);
        target.put("credentialsRef", CREDENTIALS_REF);
        String targetId = api().create("backup1", "/api/backup-targets", target);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("schedule", Map.of("cron", "0 2 * * *", "zone", "Europe/Berlin"));
        policy.put("retention", Map.of("keepLast", 7, "daily", 7, "weekly", 4, "monthly", 3));
        policy.put("rpo", "PT26H");
        policy.put("verification", Map.of("cron", "0 4 * * 0", "zone", "Europe/Berlin"));
        policy.put("restoreApproval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                "fourEyes", true, "decisionTimeout", "PT24H"));
        policy.put("servesPreDeploy", true);
        policy.put("runTimeout", "PT10M");
        // The policy names the target aggregate: defined a moment too early it is a 404, retried.
        String policyId = retryWhile(404, () -> api().post("backup1", "/api/backup-policies",
                Map.of("targetId", targetId, "policy", policy)), "define the backup policy").text("id");
        report.line("sent and acknowledged: backup target %s on database %s, pre-deploy policy %s", targetId, database,
                policyId);
        return new Target(targetId, policyId);
    }

    /**
     * The parameters a run-task request carries (ADR 041) plus {@code hold_seconds}: an INTEGER of
     * 1 to 600 whose default is how long the script holds, since release-service passes no such value.
     */
    private static String heldDeployTask(String name, int holdSeconds, Report report) {
        List<Map<String, Object>> parameters = new ArrayList<>(List.of(
                text("application", "[A-Za-z0-9._-]{1,64}"),
                text("environment", "[a-z0-9-]{1,40}"),
                text("version", "[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?"),
                text("commit", "[0-9a-f]{7,40}"),
                text("artifact", "[A-Za-z0-9._:/@+-]{1,300}"),
                text("promotion_id", "[A-Za-z0-9-]{1,64}")));
        parameters.add(Map.of("name", "hold_seconds", "type", "INTEGER", "required", false,
                "defaultValue", String.valueOf(holdSeconds), "min", 1, "max", 600));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "Deploys, holding " + holdSeconds + " s (CrashE2EIT)");
        body.put("executor", Map.of("kind", "SHELL", "executable", RunningStack.ROOT.resolve(SCRIPT).toString(),
                "arguments", List.of()));
        body.put("parameters", parameters);
        body.put("timeout", "PT10M");
        body.put("concurrency", "QUEUE");
        body.put("runRoles", List.of("release-manager", "developer"));
        String task = api().create("auto1", "/api/tasks", body);
        report.line("sent and acknowledged: deploy task %s (%s, hold_seconds %d)", task, SCRIPT, holdSeconds);
        return task;
    }

    private static Map<String, Object> text(String name, String pattern) {
        return Map.of("name", name, "type", "STRING", "required", true, "pattern", pattern);
    }

    /**
     * An application whose one environment takes the backup and runs the task, a release, and its
     * promotion requested by dev1. The lifecycle is a 422 until release-service's read model has
     * seen the policy and the task on Kafka: retried, bounded.
     */
    private static String promotionToProd(String name, String policy, String task, Report report) {
        String application = api().create("rm1", "/api/applications", Map.of("name", name, "owningTeam", "platform",
                "repositoryUrl", "https://git.example.org/platform/" + name + ".git"));
        Map<String, Object> prod = new LinkedHashMap<>();
        prod.put("name", "prod");
        prod.put("approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"), "fourEyes", true,
                "decisionTimeout", "PT1H"));
        prod.put("backupPolicyRef", policy);
        prod.put("deployTaskRef", task);
        // Far beyond a restart: here only the crash may end the wait, never the saga's deadline.
        prod.put("resultTimeout", "PT15M");
        retryWhile(422, () -> api().put("rm1", "/api/applications/" + application + "/lifecycle",
                Map.of("environments", List.of(prod))), "define the lifecycle naming the policy and the task");
        String release = api().create("dev1", "/api/releases", Map.of("applicationId", application, "version", "1.0.0",
                "commitSha", "9fceb02", "artifactReference", "registry.example.org/" + name + ":1.0.0"));
        String promotion = api().create("dev1", "/api/releases/" + release + "/promotions", Map.of("environment", "prod"));
        report.line("sent and acknowledged: application %s, lifecycle (backup %s, task %s), release %s, promotion %s",
                application, policy, task, release, promotion);
        return promotion;
    }

    private static void approve(String promotion, Report report) {
        ApiClient.Answer approval = api().post("appr1", "/api/promotions/" + promotion + "/approvals",
                Map.of("comment", "crash test"));
        report.line("sent: appr1 approves; acknowledged: %d", approval.status());
        api().expectSuccess(approval, "approve " + promotion);
    }

    // ---- what the services report --------------------------------------------------------------

    /** The saga's two outcomes once approved (release-service's PromotionStatus, phase "deployment ended"). */
    private static boolean outcome(JsonNode promotion) {
        return Set.of("DEPLOYED", "FAILED").contains(promotion.path("status").asString());
    }

    /** Still before the saga's first step of its own: requested, awaiting approval, approved. */
    private static boolean beforeTheBackup(JsonNode promotion) {
        return Set.of("REQUESTED", "AWAITING_APPROVAL", "APPROVED").contains(promotion.path("status").asString());
    }

    private static JsonNode awaitPromotion(String promotion, Predicate<JsonNode> condition, Duration timeout,
                                           Duration pause, String what) throws InterruptedException {
        return await("rm1", "/api/promotions/" + promotion, condition, timeout, pause, what);
    }

    /** The deploy task's one run, once it runs and its process has logged its start. */
    private static JsonNode awaitRunning(String task) throws InterruptedException {
        JsonNode page = await("rm1", "/api/task-runs?taskId=" + task, p -> {
            for (JsonNode run : p.path("entries")) {
                if (run.path("status").asString().equals("RUNNING")
                        && logOf(run.path("runId").asString()).contains("holding for")) {
                    return true;
                }
            }
            return false;
        }, SAGA_WAIT, Duration.ofMillis(500), "the deploy task's run to be running");
        return page.path("entries").valueStream().filter(r -> r.path("status").asString().equals("RUNNING"))
                .findFirst().orElseThrow();
    }

    private static String logOf(String run) {
        ApiClient.Answer log = api().get("rm1", "/api/task-runs/" + run + "/log");
        StringBuilder text = new StringBuilder();
        log.body().path("chunks").forEach(chunk -> text.append(chunk.path("text").asString()));
        return text.toString();
    }

    private static List<JsonNode> backupRunsOf(String target) {
        return api().expectSuccess(api().get("backup1", "/api/backups?limit=500&targetId=" + target),
                "list the target's backup runs").body().path("entries").valueStream().toList();
    }

    private static List<JsonNode> taskRunsOf(String task) {
        return api().expectSuccess(api().get("rm1", "/api/task-runs?limit=500&taskId=" + task),
                "list the task's runs").body().path("entries").valueStream().toList();
    }

    private static List<String> describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    private static List<String> summary(List<JsonNode> runs) {
        return runs.stream().map(r -> r.path("runId").asString() + " " + r.path("status").asString() + " (request "
                + r.path("requestId").asString() + ")").toList();
    }

    /** The promotion's events by type, read from release-service's event store. */
    private static Map<String, Integer> promotionHistory(String promotion) throws Exception {
        Map<String, Integer> types = new TreeMap<>();
        try (Connection connection = RunningStack.database("release");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            query.setString(1, promotion);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    types.merge(type.substring(type.lastIndexOf('.') + 1), 1, Integer::sum);
                }
            }
        }
        return types;
    }

    /** Saga instances still waiting on something of the promotion (an ended saga has none). */
    private static int sagaAssociations(String promotion) throws Exception {
        try (Connection connection = RunningStack.database("release");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM association_value_entry WHERE association_value = ?")) {
            query.setString(1, promotion);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int queuedOrRunning(String run) throws Exception {
        try (Connection connection = RunningStack.database("automation");
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM run_queue WHERE run_id = ?")) {
            query.setString(1, run);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    // ---- the client ----------------------------------------------------------------------------

    /** A client whose tokens are younger than their five minutes: these tests outlive one. */
    private static synchronized ApiClient api() {
        if (api == null || Duration.between(tokensTakenAt, Instant.now()).compareTo(Duration.ofMinutes(3)) > 0) {
            api = new ApiClient(RunningStack.GATEWAY, stack.keycloak);
            tokensTakenAt = Instant.now();
        }
        return api;
    }

    /** Polls until the condition holds; answers from a service that is restarting (502, 503) are waited out. */
    private static JsonNode await(String user, String path, Predicate<JsonNode> condition, Duration timeout,
                                  Duration pause, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "none";
        while (Instant.now().isBefore(deadline)) {
            try {
                ApiClient.Answer answer = api().get(user, path);
                last = answer.status() + " " + answer.raw().body();
                if (answer.status() == 200 && condition.test(answer.body())) {
                    return answer.body();
                }
            } catch (IllegalStateException unreachable) {
                last = unreachable.getMessage();
            }
            Thread.sleep(pause.toMillis());
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + " at " + path
                + "; last answer " + last);
    }

    private static ApiClient.Answer retryWhile(int status, Supplier<ApiClient.Answer> call, String what) {
        Instant deadline = Instant.now().plus(REFERENCE_WAIT);
        ApiClient.Answer answer = call.get();
        while (answer.status() == status && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while retrying: " + what, e);
            }
            answer = call.get();
        }
        return api().expectSuccess(answer, what);
    }

    /** What a fault test sent, what was acknowledged and what was stored, printed as one block. */
    private static final class Report {

        private final List<String> lines = new ArrayList<>();

        Report(String title) {
            lines.add("== CrashE2EIT: " + title);
        }

        void line(String format, Object... arguments) {
            lines.add("  " + String.format(format, arguments));
        }

        void print() {
            System.out.println(String.join(System.lineSeparator(), lines));
        }
    }
}
