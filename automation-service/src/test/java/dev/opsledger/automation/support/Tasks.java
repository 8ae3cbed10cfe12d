package dev.opsledger.automation.support;

import dev.opsledger.automation.task.api.Concurrency;
import dev.opsledger.automation.task.api.ExecutorAllowList;
import dev.opsledger.automation.task.api.HttpExecutor;
import dev.opsledger.automation.task.api.Misfire;
import dev.opsledger.automation.task.api.ParameterSpec;
import dev.opsledger.automation.task.api.ParameterType;
import dev.opsledger.automation.task.api.Schedule;
import dev.opsledger.automation.task.api.ShellExecutor;
import dev.opsledger.automation.task.api.TaskSpec;
import dev.opsledger.automation.task.command.TaskNames;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Task definitions, actors and fakes of the ports, shared by the fixture tests. */
public final class Tasks {

    public static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T08:00:00Z");
    public static final Actor ADMIN = new Actor("u-admin", "admin1", Set.of("automation-admin"));
    public static final Actor DEVELOPER = new Actor("u-dev", "dev1", Set.of("developer"));
    public static final Actor OTHER_DEVELOPER = new Actor("u-dev2", "dev2", Set.of("developer"));
    public static final Actor ALICE = new Actor("u-alice", "alice", Set.of("approver"));
    public static final Actor BOB = new Actor("u-bob", "bob", Set.of("approver"));
    public static final Actor AUDITOR = new Actor("u-audit", "audit1", Set.of("auditor"));
    public static final String SCRIPTS = "/opt/opsledger/scripts/";
    public static final String DEPLOY_SCRIPT = SCRIPTS + "deploy.sh";
    public static final String JENKINS = "jenkins.example.org";

    private Tasks() {
    }

    public static final ExecutorAllowList ALLOW_LIST = new ExecutorAllowList() {
        @Override
        public boolean allowsExecutable(String executable) {
            return executable.startsWith(SCRIPTS);
        }

        @Override
        public boolean allowsHost(String host, int port) {
            return host.equals(JENKINS) && port == 443;
        }
    };

    public static List<ParameterSpec> deployParameters() {
        return List.of(
                new ParameterSpec("version", ParameterType.STRING, true, null, "[0-9]+\\.[0-9]+\\.[0-9]+", 20, null,
                        null, null),
                new ParameterSpec("replicas", ParameterType.INTEGER, false, "2", null, null, 1L, 10L, null),
                new ParameterSpec("dry_run", ParameterType.BOOLEAN, false, "false", null, null, null, null, null),
                new ParameterSpec("environment", ParameterType.ENUM, true, "qa", null, null, null, null,
                        List.of("qa", "prod")),
                new ParameterSpec("token", ParameterType.SECRET, false, null, null, null, null, null, null));
    }

    public static TaskSpec deploy() {
        return new TaskSpec("deploy", "Deploys a version", new ShellExecutor(DEPLOY_SCRIPT, List.of("--verbose")),
                deployParameters(), Duration.ofMinutes(10), Concurrency.ALLOW, Set.of("developer"), null, null);
    }

    public static TaskSpec deployWithApproval() {
        return withApproval(deploy());
    }

    public static TaskSpec withApproval(TaskSpec spec) {
        return new TaskSpec(spec.name(), spec.description(), spec.executor(), spec.parameters(), spec.timeout(),
                spec.concurrency(), spec.runRoles(), ApprovalPolicy.fourEyes(1, Duration.ofHours(8), "approver"),
                spec.schedule());
    }

    public static TaskSpec withConcurrency(TaskSpec spec, Concurrency concurrency) {
        return new TaskSpec(spec.name(), spec.description(), spec.executor(), spec.parameters(), spec.timeout(),
                concurrency, spec.runRoles(), spec.approvalPolicy(), spec.schedule());
    }

    public static TaskSpec rotateLogs(Misfire misfire) {
        return new TaskSpec("rotate-logs", null, new ShellExecutor(SCRIPTS + "rotate-logs.sh", List.of()), List.of(),
                Duration.ofMinutes(5), Concurrency.FORBID, Set.of("automation-admin"), null,
                new Schedule("30 2 * * *", "Europe/Berlin", misfire));
    }

    public static TaskSpec jenkins() {
        return new TaskSpec("trigger-build", null, new HttpExecutor("POST",
                "https://" + JENKINS + "/job/qa/buildWithParameters", Map.of(), "{\"version\": {{version}}}",
                Set.of(201)), deployParameters(), Duration.ofMinutes(1), Concurrency.ALLOW, Set.of("developer"), null,
                null);
    }

    /** Names held in memory, as the claim table holds them. */
    public static final class InMemoryNames implements TaskNames {

        public final Map<String, String> holders = new HashMap<>();

        @Override
        public boolean claim(String name, String taskId) {
            return holders.putIfAbsent(name, taskId) == null || holders.get(name).equals(taskId);
        }

        @Override
        public void releaseAll(String taskId) {
            holders.values().removeIf(taskId::equals);
        }
    }
}
