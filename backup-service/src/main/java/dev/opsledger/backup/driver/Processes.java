package dev.opsledger.backup.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Runs the PostgreSQL tools: always an argument list, never a shell string; secrets only through
 * the environment; the inherited {@code PG*} variables removed so nothing but the target's own
 * settings reaches the tool. Each process is registered under a key so a timeout can stop it.
 */
@Component
public class Processes {

    static final int STDERR_TAIL = 4000;

    private final Map<String, Process> running = new ConcurrentHashMap<>();

    public record Result(int exitCode, String stderrTail) {
    }

    /**
     * @param stdout where standard output goes (e.g. the backup file), or {@code null} to discard it
     */
    Result run(String key, List<String> command, Map<String, String> environment, OutputStream stdout,
               Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (stdout == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        running.put(key, process);
        try {
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread errors = Thread.ofVirtual().start(() -> copyQuietly(process.getErrorStream(), stderr));
            if (stdout != null) {
                process.getInputStream().transferTo(stdout);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish within " + timeout);
            }
            errors.join(Duration.ofSeconds(5));
            return new Result(process.exitValue(), tail(stderr.toString(StandardCharsets.UTF_8)));
        } finally {
            running.remove(key, process);
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Stops the process running under {@code key}, if any. */
    public void stop(String key) {
        Process process = running.remove(key);
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= STDERR_TAIL ? trimmed : trimmed.substring(trimmed.length() - STDERR_TAIL);
    }

    private static void copyQuietly(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The process was stopped; what was read so far is the tail we keep.
        }
    }
}
