package dev.opsledger.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * P6: the promotion saga across the real release-, backup- and automation-service of the benchmark's
 * own stack, through the gateway with Keycloak tokens. One environment with one approver, a pre-deploy
 * backup of a one-file folder (a directory target: archived in backup-service's own JVM, the nearest to an
 * instant backup the product has, where a {@code pg_dump} would add its process) and a deploy task whose
 * executable exits at once ({@value #INSTANT_SCRIPT}). Per promotion, from the approval to "deployed":
 * measured from release-service's own event store (the stored times of {@code PromotionApproved} and of
 * {@code DeployTaskSucceeded}, which makes it DEPLOYED), so neither the runner's polling nor the gateway's answer time is in it;
 * the same events give each step's share.
 */
final class SagaOverhead {

    /** Under the folder the devstack lets backup-service read ({@code backup.set.opsledger.backup.allowed-roots}). */
    static final String TINY_FOLDER = "backup-sources/bench-tiny";
    /**
     * The deploy script that returns at once, in the folder the devstack allows automation-service to run
     * ({@code automation.set.opsledger.automation.allowed-executables} in {@code devstack-services.properties}).
     */
    static final String INSTANT_SCRIPT = "automation-service/scripts/deploy-instant.sh";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PARAMETERS = List.of("application", "environment", "version", "commit",
            "artifact", "promotion_id");

    private final Stack stack;
    private final HttpLoad http;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    SagaOverhead(Stack stack, HttpLoad http) {
        this.stack = stack;
        this.http = http;
    }

    /**
     * {@code approvedToDeployed}: stored time of the approval event to the stored time of the deployed event;
     * {@code polled}: the approval's answer to the first GET that shows DEPLOYED; {@code steps}: each event
     * of the promotion after the approval, by type, the time since the one before it.
     */
    record Outcome(Latencies approvedToDeployed, Latencies polled, Map<String, Latencies> steps, int failed,
                   String firstFailure) {
    }

    Outcome measure(int warmUp, int samples) throws Exception {
        String policy = definePolicy(registerTarget(createTinyFolder()));
        String task = defineTask();
        String application = applicationDeployingWith(policy, task);
        Latencies approvedToDeployed = new Latencies();
        Latencies polled = new Latencies();
        Map<String, Latencies> steps = new LinkedHashMap<>();
        int failed = 0;
        String firstFailure = null;
        for (int i = 0; i < warmUp + samples; i++) {
            String release = created(post("dev1", "/api/releases", Map.of("applicationId", application, "version",
                    "1." + i + ".0", "commitSha", "9fceb02d0ae598e95dc970b74767f19372d61af8", "artifactReference",
                    "registry.example.org/bench:1." + i + ".0")));
            String promotion = created(post("dev1", "/api/releases/" + release + "/promotions",
                    Map.of("environment", "prod")));
            awaitStatus(promotion, "AWAITING_APPROVAL", Duration.ofSeconds(60));
            expect2xx(post("appr1", "/api/promotions/" + promotion + "/approvals", Map.of("comment", "bench")));
            long approved = System.nanoTime();
            String status = awaitStatus(promotion, "DEPLOYED", Duration.ofSeconds(120));
            long seen = System.nanoTime();
            if (i < warmUp) {
                continue;
            }
            if (!status.equals("DEPLOYED")) {
                failed++;
                firstFailure = firstFailure == null ? promotion + " ended " + status : firstFailure;
                continue;
            }
            polled.add(seen - approved);
            List<StoredEvent> events = storedEvents(promotion);
            Instant approvedAt = null;
            Instant previous = null;
            for (StoredEvent event : events) {
                if (event.type().equals("PromotionApproved")) {
                    approvedAt = event.time();
                    previous = event.time();
                } else if (previous != null) {
                    steps.computeIfAbsent(event.type(), t -> new Latencies())
                            .add(Duration.between(previous, event.time()).toNanos());
                    previous = event.time();
                    if (event.type().equals("DeployTaskSucceeded") || event.type().equals("DeploymentSucceeded")) {
                        approvedToDeployed.add(Duration.between(approvedAt, event.time()).toNanos());
                        break;
                    }
                }
            }
        }
        return new Outcome(approvedToDeployed, polled, steps, failed, firstFailure);
    }

    // ---- setup, through the public API as the people who own each part ------------------------------

    /** A folder of one small file in the stack's home: what the pre-deploy backup archives. */
    private Path createTinyFolder() throws Exception {
        Path folder = Files.createDirectories(stack.home().resolve(TINY_FOLDER));
        Files.writeString(folder.resolve("settings.conf"), "feature = on\n");
        return folder;
    }

    private String registerTarget(Path folder) {
        return created(post("backup1", "/api/backup-targets", Map.of(
                "name", "bench-tiny-" + UUID.randomUUID().toString().substring(0, 8),
                "kind", "DIRECTORY",
                "path", folder.toString())));
    }

    private String definePolicy(String target) {
        Map<String, Object> policy = Map.of(
                "schedule", Map.of("cron", "0 3 * * *", "zone", "UTC"),
                "retention", Map.of("keepLast", 500, "daily", 0, "weekly", 0, "monthly", 0),
                "rpo", "P1D",
                "verification", Map.of("cron", "0 4 * * 0", "zone", "UTC"),
                "restoreApproval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"),
                        "fourEyes", true, "decisionTimeout", "PT24H"),
                "servesPreDeploy", true,
                "runTimeout", "PT5M");
        return created(post("backup1", "/api/backup-policies", Map.of("targetId", target, "policy", policy)));
    }

    private String defineTask() {
        List<Map<String, Object>> parameters = PARAMETERS.stream()
                .map(name -> Map.<String, Object>of("name", name, "type", "STRING")).toList();
        return created(post("auto1", "/api/tasks", Map.of(
                "name", "bench-deploy-" + UUID.randomUUID().toString().substring(0, 8),
                "executor", Map.of("kind", "SHELL", "executable", stack.root().resolve(INSTANT_SCRIPT).toString(), "arguments", List.of()),
                "parameters", parameters,
                "timeout", "PT1M",
                "concurrency", "ALLOW",
                "runRoles", List.of("developer", "release-manager"))));
    }

    /** One environment, one approver, the policy and the task; retried while their events reach release. */
    private String applicationDeployingWith(String policy, String task) throws InterruptedException {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String application = created(post("rm1", "/api/applications", Map.of("name", name, "owningTeam", "bench",
                "repositoryUrl", "https://git.example.org/bench/" + name + ".git")));
        Map<String, Object> prod = Map.of("name", "prod",
                "approval", Map.of("requiredApprovals", 1, "approverRoles", List.of("approver"), "fourEyes", true,
                        "decisionTimeout", "P7D"),
                "windows", List.of(), "backupPolicyRef", policy, "deployTaskRef", task, "resultTimeout", "PT5M");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            HttpResponse<String> answer = send("rm1", "/api/applications/" + application + "/lifecycle", "PUT",
                    Map.of("environments", List.of(prod)));
            if (answer.statusCode() == 202) {
                return application;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("lifecycle refused: " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(500);
        }
    }

    // ---- reading the outcome -------------------------------------------------------------------------

    private String awaitStatus(String promotion, String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = send("rm1", "/api/promotions/" + promotion, "GET", null);
            if (answer.statusCode() == 200) {
                status = JSON.readTree(answer.body()).path("status").asString();
                if (status.equals(wanted) || List.of("FAILED", "REJECTED", "EXPIRED", "CANCELLED").contains(status)) {
                    return status;
                }
            }
            Thread.sleep(10);
        }
        return status.isEmpty() ? "unknown" : status;
    }

    record StoredEvent(String type, Instant time) {
    }

    /** The promotion's events in release-service's own event store, in order. */
    private List<StoredEvent> storedEvents(String promotion) throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("release"), "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("SELECT payload_type, time_stamp FROM "
                     + "domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            query.setString(1, promotion);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    events.add(new StoredEvent(type.substring(type.lastIndexOf('.') + 1).replace('$', '.'),
                            Instant.parse(rows.getString(2))));
                }
            }
        }
        return events;
    }

    // ---- HTTP through the gateway ---------------------------------------------------------------------

    private HttpResponse<String> post(String user, String path, Object body) {
        return send(user, path, "POST", body);
    }

    private HttpResponse<String> send(String user, String path, String method, Object body) {
        return send(user, path, method, body, true);
    }

    private HttpResponse<String> send(String user, String path, String method, Object body, boolean retryOnExpiry) {
        String token = tokens.computeIfAbsent(user, u -> stack.token(http, u, u + "-pw"));
        HttpRequest.Builder request = HttpLoad.request(stack.url("gateway", 8080, path), token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> answer = http.send(request.build());
        if (answer.statusCode() == 401 && retryOnExpiry) {
            // Keycloak's access tokens live five minutes: a long run gets a new one, once.
            tokens.remove(user);
            return send(user, path, method, body, false);
        }
        return answer;
    }

    private static String created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("expected 201, got " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("id").asString();
    }

    private static void expect2xx(HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("expected 2xx, got " + answer.statusCode() + ": " + answer.body());
        }
    }
}
