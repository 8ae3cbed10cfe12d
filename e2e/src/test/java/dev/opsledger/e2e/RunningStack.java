package dev.opsledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.devstack.ApiClient;
import dev.opsledger.testkit.KeycloakServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one devstack of an e2e run ({@code ./opsledger up --detach --fresh}), started by the first
 * class that asks and shared by all: a stack takes a minute to start on 2 cores. Whoever calls
 * {@link #down()} first stops it; if no one does (a class failed early), the JVM's end does.
 */
final class RunningStack {

    static final Path ROOT = Path.of(System.getProperty("opsledger.root", "..")).toAbsolutePath().normalize();
    static final int OFFSET = Integer.parseInt(System.getenv().getOrDefault("OPSLEDGER_PORT_OFFSET", "0"));
    static final Path HOME = Path.of(System.getenv().getOrDefault("OPSLEDGER_HOME",
            ROOT.resolve(".opsledger").toString()));
    static final String GATEWAY = "http://127.0.0.1:" + (8080 + OFFSET);
    static final String KEYCLOAK = "http://127.0.0.1:" + (8180 + OFFSET);
    static final int POSTGRES_PORT = 15432 + OFFSET;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static RunningStack instance;

    final ApiClient api;
    final KeycloakServer keycloak;
    final List<Long> pids;
    private boolean stopped;

    private RunningStack(ApiClient api, KeycloakServer keycloak, List<Long> pids) {
        this.api = api;
        this.keycloak = keycloak;
        this.pids = pids;
    }

    static synchronized RunningStack get() throws Exception {
        if (instance == null) {
            try {
                run(Duration.ofMinutes(21), "./opsledger", "up", "--detach", "--fresh");
            } catch (RuntimeException | AssertionError | IOException notReady) {
                // A launcher still starting in the background would outlive the run: stop what it started.
                try {
                    run(Duration.ofMinutes(3), "./opsledger", "down");
                } catch (RuntimeException | AssertionError | IOException downFailed) {
                    notReady.addSuppressed(downFailed);
                }
                throw notReady;
            }
            JsonNode state = JSON.readTree(Files.readString(HOME.resolve("state.json")));
            List<Long> pids = new ArrayList<>();
            pids.add(state.path("launcherPid").asLong());
            for (JsonNode entry : state.path("entries")) {
                if (entry.has("pid") && !entry.path("pid").isNull()) {
                    pids.add(entry.path("pid").asLong());
                }
            }
            KeycloakServer keycloak = KeycloakServer.running(KEYCLOAK);
            // Mutable: a test that kills a service adds the pid its restart got, so down checks that one too.
            instance = new RunningStack(new ApiClient(GATEWAY, keycloak), keycloak, new CopyOnWriteArrayList<>(pids));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::downQuietly, "e2e-stack-down"));
        }
        return instance;
    }

    synchronized void down() throws IOException, InterruptedException {
        if (!stopped) {
            run(Duration.ofMinutes(3), "./opsledger", "down");
            stopped = true;
        }
    }

    private void downQuietly() {
        try {
            down();
        } catch (Exception | AssertionError ignored) {
            // The JVM is ending; the next `up --fresh` or `down` cleans what is left.
        }
    }

    /**
     * The services the stack runs with a database of their own, read from the platform's one
     * service list: a service switched on there joins every e2e check without a change here.
     */
    static List<String> servicesWithDatabase() throws IOException {
        Properties list = serviceList();
        return Arrays.stream(list.getProperty("services").split(","))
                .map(String::trim)
                .filter(name -> Boolean.parseBoolean(list.getProperty(name + ".enabled", "true")))
                .filter(name -> !Boolean.parseBoolean(list.getProperty(name + ".edge", "false")))
                .filter(name -> !list.getProperty(name + ".database", "").isBlank())
                .toList();
    }

    /** The service's database on the stack's PostgreSQL (dev-only credentials of the embedded server). */
    static Connection database(String service) throws IOException, SQLException {
        String name = serviceList().getProperty(service + ".database");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/" + name,
                "postgres", "postgres");
    }

    /**
     * A service's restart by the launcher after a kill -9: the pid that was killed and when, the pid
     * the launcher started instead, and when the new process answered healthy on its own port.
     */
    record Restart(String service, long killedPid, Instant killedAt, long newPid, Instant healthyAt) {

        Duration downFor() {
            return Duration.between(killedAt, healthyAt);
        }
    }

    /**
     * kill -9 of a service (no shutdown hook, no graceful stop: what a crash or the OOM killer does),
     * then waits, bounded, until the launcher's restart policy has started it again and it reports
     * healthy. The new pid joins {@link #pids}, so {@code down} checks that one too.
     */
    Restart killAndAwaitRestart(String service, Duration timeout) throws IOException, InterruptedException {
        return killAndAwaitRestart(service, timeout, () -> { });
    }

    /** As {@link #killAndAwaitRestart(String, Duration)}, running {@code whileDown} right after the kill. */
    Restart killAndAwaitRestart(String service, Duration timeout, Runnable whileDown)
            throws IOException, InterruptedException {
        long killed = pidOf(service);
        int restartsBefore = restartsOf(service);
        ProcessHandle process = ProcessHandle.of(killed).orElseThrow(
                () -> new AssertionError(service + " (pid " + killed + ") is not running"));
        Instant killedAt = Instant.now();
        process.destroyForcibly();
        whileDown.run();
        Instant deadline = killedAt.plus(timeout);
        while (restartsOf(service) <= restartsBefore || pidOf(service) == killed) {
            assertThat(Instant.now()).as("%s restarted by the launcher within %s", service, timeout).isBefore(deadline);
            Thread.sleep(500);
        }
        long restarted = pidOf(service);
        pids.add(restarted);
        while (!healthy(service)) {
            assertThat(Instant.now()).as("%s healthy again within %s of its kill", service, timeout).isBefore(deadline);
            Thread.sleep(500);
        }
        return new Restart(service, killed, killedAt, restarted, Instant.now());
    }

    /** The entry of one process in the launcher's {@code state.json}. */
    static JsonNode stateEntry(String name) throws IOException {
        for (JsonNode entry : JSON.readTree(Files.readString(HOME.resolve("state.json"))).path("entries")) {
            if (entry.path("name").asString().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no " + name + " in state.json");
    }

    static long pidOf(String name) throws IOException {
        return stateEntry(name).path("pid").asLong();
    }

    static int restartsOf(String name) throws IOException {
        return stateEntry(name).path("restarts").asInt();
    }

    /** The service's own health endpoint, not the gateway's: "up" means this process, not a route. */
    private static boolean healthy(String service) throws IOException, InterruptedException {
        String port = serviceList().getProperty(service + ".port");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + (Integer.parseInt(port) + OFFSET) + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private static Properties serviceList() throws IOException {
        Properties list = new Properties();
        try (InputStream in = RunningStack.class.getResourceAsStream("/devstack-services.properties")) {
            list.load(in);
        }
        return list;
    }

    static void run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = HOME.resolve("e2e-" + command[1] + ".log");
        Files.createDirectories(HOME);
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout
                    + "; see " + log);
        }
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", String.join(" ", command),
                Files.readString(log)).isZero();
    }
}
