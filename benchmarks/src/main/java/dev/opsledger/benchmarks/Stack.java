package dev.opsledger.benchmarks;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform through {@code ./opsledger}, in its own home and on its own ports, so a
 * developer's stack (and the e2e test's, offset 1000) is left alone.
 */
final class Stack implements AutoCloseable {

    static final int PORT_OFFSET = 2000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final Path home;
    private boolean up;

    /** The stack's data folder ({@code OPSLEDGER_HOME}). */
    Path home() {
        return home;
    }

    /** The repository the stack runs from. */
    Path root() {
        return root;
    }

    Stack(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    /** Runs {@code ./opsledger up --detach}, which returns once every process is healthy; answers the seconds. */
    double up(boolean fresh) throws Exception {
        if (fresh) {
            ServiceRig.DirectoryCleaner.delete(home);
        }
        List<String> command = new ArrayList<>(List.of(root.resolve("opsledger").toString(), "up", "--detach"));
        if (fresh) {
            command.add("--fresh");
        }
        // A start that times out leaves the detached launcher running: close() must stop it either way.
        up = true;
        long start = System.nanoTime();
        // Keycloak alone took almost 4 minutes on a loaded 2-core machine: the bound is for a hung start, not a slow one.
        int exit = run(command, Duration.ofMinutes(12));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("./opsledger up exited " + exit + "; see " + home.resolve("logs"));
        }
        return seconds;
    }

    /**
     * The launcher's own progress lines of the last start ({@code [ 12.3s] Keycloak ready …}): where the
     * start's time went, by the launcher's clock.
     */
    String timeline() {
        try {
            return Files.readAllLines(home.resolve("logs/devstack.log")).stream()
                    .filter(line -> line.matches("^\\[\\s*[0-9.]+s\\] .*"))
                    .map(line -> line.replaceFirst("^\\[\\s*([0-9.]+s)\\] ", "$1 "))
                    .collect(java.util.stream.Collectors.joining("; "));
        } catch (IOException e) {
            return "no devstack.log: " + e.getMessage();
        }
    }

    void down() throws Exception {
        if (up) {
            run(List.of(root.resolve("opsledger").toString(), "down"), Duration.ofMinutes(2));
            up = false;
        }
    }

    /** RSS of every process of the stack: the launcher (with Kafka) and its children, and PostgreSQL. */
    Map<String, Long> rss() throws IOException {
        return memory(Rss.Kind.RSS);
    }

    /** Resident memory by process of the stack (its services, Keycloak, the launcher with Kafka, PostgreSQL). */
    Map<String, Long> memory(Rss.Kind kind) throws IOException {
        JsonNode state = JSON.readTree(Files.readString(home.resolve("state.json")));
        long launcher = state.get("launcherPid").asLong();
        Map<String, Long> byProcess = new LinkedHashMap<>();
        Set<Long> counted = new java.util.HashSet<>();
        for (JsonNode entry : state.get("entries")) {
            if (entry.hasNonNull("pid")) {
                long pid = entry.get("pid").asLong();
                byProcess.put(entry.get("name").asString(), Rss.total(Rss.treeOf(pid), kind));
                counted.addAll(Rss.treeOf(pid));
            }
        }
        Set<Long> launcherTree = Rss.treeOf(launcher);
        launcherTree.removeAll(counted);
        // Keycloak is a child of the launcher: count it apart from the launcher's own JVM (which hosts Kafka).
        long keycloak = 0;
        for (long pid : List.copyOf(launcherTree)) {
            if (commandLine(pid).contains("keycloak")) {
                keycloak += Rss.bytesOf(pid, kind);
                launcherTree.remove(pid);
            }
        }
        byProcess.put("keycloak", keycloak);
        byProcess.put("launcher+kafka", Rss.total(launcherTree, kind));
        Set<Long> postgres = Rss.treesMatching(home.resolve("postgres").toString());
        postgres.removeAll(counted);
        postgres.removeAll(Rss.treeOf(launcher));
        byProcess.put("postgres", Rss.total(postgres, kind));
        return byProcess;
    }

    int postgresPort() {
        return 15432 + PORT_OFFSET;
    }

    /** The stack's PostgreSQL (zonky's: local connections are trusted, the password is a placeholder). */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + database;
    }

    String url(String service, int defaultPort, String path) {
        return "http://127.0.0.1:" + (defaultPort + PORT_OFFSET) + path;
    }

    /** A real Keycloak token (password grant on the CLI client), the way scripts get one. */
    String token(HttpLoad http, String user, String password) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(java.net.URI.create(
                        url("keycloak", 8180, "/realms/opsledger/protocol/openid-connect/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=opsledger-cli&username="
                        + user + "&password=" + password))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private int run(List<String> command, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolveSibling("opsledger-cli.log").toFile()));
        builder.environment().put("OPSLEDGER_HOME", home.toString());
        builder.environment().put("OPSLEDGER_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        // The gateway's per-caller limit (20 requests/s after a burst of 100) would answer P2's 16 clients
        // with 429s: P2 measures what the gateway costs a request, so the limit is lifted for this stack.
        builder.environment().put("OPSLEDGER_GATEWAY_RATELIMIT_CAPACITY", "1000000");
        builder.environment().put("OPSLEDGER_GATEWAY_RATELIMIT_REFILLPERSECOND", "1000000");
        Files.createDirectories(home.getParent());
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        down();
    }
}
