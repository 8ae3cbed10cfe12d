package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that exits with a cached Spring context still open (what every forked test JVM does) must close the
 * context while the testkit's PostgreSQL still runs, and only then stop PostgreSQL, quickly.
 */
class ContextShutdownIT {

    /** Failsafe gives a forked JVM 30 s to exit; a context waiting for a stopped database takes longer. */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(20);
    private static final Duration START_BOUND = Duration.ofSeconds(120);

    @TempDir
    Path directory;

    @Test
    void givenOpenContextUsingPostgres_whenJvmExits_thenContextClosesBeforePostgresStops() throws Exception {
        assertChildClosesContextWhileDatabaseRunsAndExitsQuickly();
    }

    /** Spring's own shutdown hook may win the race and be closing already; the testkit must wait for it. */
    @Test
    void givenContextClosingInAnotherThread_whenJvmExits_thenPostgresStopsOnlyAfterThatClose() throws Exception {
        assertChildClosesContextWhileDatabaseRunsAndExitsQuickly(ContextShutdownProbe.CLOSING_ALREADY);
    }

    private void assertChildClosesContextWhileDatabaseRunsAndExitsQuickly(String... probeArguments) throws Exception {
        Path log = directory.resolve("child.log");
        Process child = new ProcessBuilder(childCommand(probeArguments))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        boolean exited;
        try {
            exited = child.waitFor(START_BOUND.plus(EXIT_BOUND).toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        Instant exitedAt = Instant.now();

        assertThat(exited).as("child exited; its log:%n%s", Files.readString(log)).isTrue();
        Path exitRequested = directory.resolve(ContextShutdownProbe.EXIT_REQUESTED);
        assertThat(exitRequested).as("child got to System.exit; its log:%n%s", Files.readString(log)).exists();
        Duration exitTook = Duration.between(Instant.parse(Files.readString(exitRequested)), exitedAt);
        assertThat(exitTook).as("time from System.exit to the end of the child JVM; its log:%n%s", Files.readString(log))
                .isLessThan(EXIT_BOUND);
        assertThat(child.exitValue()).isZero();
        assertThat(directory.resolve(ContextShutdownProbe.CLOSE_RESULT))
                .as("the context's close-time database call; child log:%n%s", Files.readString(log))
                .hasContent(ContextShutdownProbe.OK);
        int postgresPort = Integer.parseInt(Files.readString(directory.resolve(ContextShutdownProbe.POSTGRES_PORT)));
        assertThat(accepts(postgresPort)).as("PostgreSQL of the child still listening").isFalse();
    }

    private List<String> childCommand(String... probeArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        String mode = System.getProperty(TestInfrastructure.MODE_VARIABLE);
        if (mode != null) {
            command.add("-D" + TestInfrastructure.MODE_VARIABLE + "=" + mode);
        }
        command.add(ContextShutdownProbe.class.getName());
        command.add(directory.toString());
        command.addAll(List.of(probeArguments));
        return command;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
