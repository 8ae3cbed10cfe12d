package dev.opsledger.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keycloak from the distribution zip ({@link KeycloakDistribution}), run as a child process with
 * {@code kc.sh start-dev --import-realm} on 127.0.0.1. Its output goes to a log file, never to the test output.
 * <p>
 * Tests get an in-memory database, so every start imports the realm file afresh. The devstack gives it a
 * PostgreSQL database ({@link Builder#database}) so that what is written at runtime (users, group and role
 * memberships provisioned by access-service) survives a restart (ADR 072); the realm file is then imported
 * only into an empty database, since Keycloak's start-up import ignores a realm that exists.
 */
public final class EmbeddedKeycloak implements KeycloakServer {

    private static final String HOST = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    // The distribution directory is shared by every JVM on the machine: see start().
    private static final ReentrantLock START_IN_THIS_JVM = new ReentrantLock();

    private final Process process;
    private final String baseUrl;
    private final Path logFile;
    private final StopOnce stopOnce;

    private EmbeddedKeycloak(Process process, String baseUrl, Path logFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.logFile = logFile;
        this.stopOnce = new StopOnce("keycloak", this::stop);
    }

    /** Keycloak on a free port with the OpsLedger realm, logging under {@code target/} (or the temp directory). */
    public static EmbeddedKeycloak start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where Keycloak writes its log; worth reading when a test sees a surprising token or error. */
    public Path logFile() {
        return logFile;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        stopOnce.stop();
    }

    private void stop() {
        // kc.sh runs Keycloak's JVM as its child and does not exec it: stop the children first,
        // politely, then whatever is left, so no Keycloak outlives the tests.
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        awaitExit(descendants, process.toHandle());
    }

    private static void awaitExit(List<ProcessHandle> descendants, ProcessHandle main) {
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : concat(descendants, main)) {
            try {
                long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (Exception tooSlow) {
                handle.destroyForcibly();
            }
        }
    }

    private static List<ProcessHandle> concat(List<ProcessHandle> descendants, ProcessHandle main) {
        return java.util.stream.Stream.concat(descendants.stream(), java.util.stream.Stream.of(main)).toList();
    }

    @Override
    public String toString() {
        return "EmbeddedKeycloak[" + baseUrl + ", log " + logFile + "]";
    }

    /** Options for the devstack, which wants a fixed port and its own log file. */
    public static final class Builder {

        private int port;
        private Path logFile;
        private Path realmFile;
        private PostgresDatabase database;
        // ~35 s on an idle 2-core machine; far longer when the machine is busy building, and a slow
        // start is not a failure worth a red build.
        private Duration startupTimeout = Duration.ofMinutes(6);

        private Builder() {
        }

        /** The HTTP port on 127.0.0.1; a free one when not set. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** A realm file to import instead of the testkit's {@link KeycloakServer#REALM_RESOURCE}. */
        public Builder realmFile(Path realmFile) {
            this.realmFile = realmFile;
            return this;
        }

        /**
         * Keeps Keycloak's data in this PostgreSQL database instead of in memory: durable across restarts,
         * and the realm file imported only while the database holds no {@code opsledger} realm yet.
         * The password reaches Keycloak through its environment, never its command line.
         */
        public Builder database(PostgresDatabase database) {
            this.database = database;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public EmbeddedKeycloak start() {
            int httpPort = port > 0 ? port : Ports.freePort();
            Path log = logFile != null ? logFile : defaultLogFile(httpPort);
            Path home = KeycloakDistribution.home(database == null ? "" : "postgres");
            // Concurrent starts from several JVMs would race on the shared distribution: the first start
            // of a version writes its build output into lib/, and each start reads the realm from data/import.
            // The lock is held until Keycloak is ready, by which time both are done.
            START_IN_THIS_JVM.lock();
            try (FileChannel channel = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                placeRealm(home);
                EmbeddedKeycloak keycloak = launch(home, httpPort, log, database);
                try {
                    keycloak.awaitReady(startupTimeout);
                } catch (RuntimeException e) {
                    keycloak.close();
                    throw e;
                }
                return keycloak;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start Keycloak from " + home, e);
            } finally {
                START_IN_THIS_JVM.unlock();
            }
        }

        private void placeRealm(Path home) throws IOException {
            Path importDirectory = Files.createDirectories(home.resolve("data/import"));
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(importDirectory, "*.json")) {
                for (Path file : stale) {
                    Files.delete(file);
                }
            }
            Path target = importDirectory.resolve("opsledger-realm.json");
            if (realmFile != null) {
                Files.copy(realmFile, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            try (InputStream realm = EmbeddedKeycloak.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
                if (realm == null) {
                    throw new IllegalStateException(REALM_RESOURCE + " is missing from the classpath");
                }
                Files.copy(realm, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static EmbeddedKeycloak launch(Path home, int httpPort, Path log, PostgresDatabase database)
                throws IOException {
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--import-realm",
                    "--http-host=" + HOST,
                    "--http-port=" + httpPort));
            if (database == null) {
                // In memory: a realm left from an earlier run would make Keycloak skip the import.
                command.add("--db=dev-mem");
            } else {
                command.addAll(List.of("--db=postgres", "--db-url=" + database.jdbcUrl(),
                        "--db-username=" + database.username()));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> environment = builder.environment();
            // KC_* variables of the caller's shell would silently change the server we promise.
            environment.keySet().removeIf(name -> name.startsWith("KC_"));
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            if (database != null) {
                // Not on the command line, which every user of the machine can read.
                environment.put("KC_DB_PASSWORD", database.password());
            }
            // Master-realm admin for the admin console of a local devstack; dev-only. Keycloak creates it only
            // while the master realm has no admin, so with a database it is made once and kept.
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            return new EmbeddedKeycloak(builder.start(), "http://" + HOST + ":" + httpPort, log);
        }

        private static Path defaultLogFile(int httpPort) {
            Path target = Path.of(System.getProperty("user.dir"), "target");
            Path directory = Files.isDirectory(target)
                    ? target.resolve("opsledger-testkit")
                    : Path.of(System.getProperty("java.io.tmpdir"), "opsledger-testkit");
            return directory.resolve("keycloak-" + httpPort + ".log");
        }
    }

    private void awaitReady(Duration timeout) {
        URI discovery = URI.create(issuerUri() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Log " + logFile + " ends with:\n" + logTail());
            }
            if (answers200(discovery)) {
                return;
            }
            Deadlines.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Keycloak not ready at " + discovery + " within " + timeout
                + ". Log " + logFile + " ends with:\n" + logTail());
    }

    private static boolean answers200(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private String logTail() {
        int maxBytes = 6_000;
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - maxBytes);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
