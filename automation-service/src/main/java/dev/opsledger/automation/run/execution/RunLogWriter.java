package dev.opsledger.automation.run.execution;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends a run's output to {@code run_log_chunk} while it runs: lines are masked (every secret
 * value of the run becomes {@value #MASK}), gathered, and written as a chunk when enough has
 * gathered or some time has passed, so readers see the log live. Past the bound the log is cut
 * once, with a marker, and the rest is dropped.
 */
public class RunLogWriter implements RunLogSink {

    static final String MASK = "****";
    private static final int CHUNK_CHARACTERS = 8192;
    private static final Duration CHUNK_AGE = Duration.ofMillis(200);

    private final JdbcClient jdbc;
    private final String runId;
    private final List<String> secrets;
    private final long maxCharacters;
    private final StringBuilder pending = new StringBuilder();
    private long written;
    private long pendingSince;
    private boolean cut;

    public RunLogWriter(JdbcClient jdbc, String runId, Collection<String> secrets, long maxCharacters) {
        this.jdbc = jdbc;
        this.runId = runId;
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secrets.stream().filter(s -> !s.isEmpty())
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
        this.maxCharacters = maxCharacters;
    }

    @Override
    public synchronized void line(String text) {
        if (cut) {
            return;
        }
        String masked = mask(text) + "\n";
        long room = maxCharacters - written - pending.length();
        if (masked.length() > room) {
            pending.append(masked, 0, (int) Math.max(0, room));
            pending.append("\n[log cut at ").append(maxCharacters).append(" characters]\n");
            cut = true;
            flush();
            return;
        }
        if (pending.isEmpty()) {
            pendingSince = System.nanoTime();
        }
        pending.append(masked);
        if (pending.length() >= CHUNK_CHARACTERS) {
            flush();
        }
    }

    /** Writes what has gathered if it has waited long enough; called by the worker's watch loop. */
    @Override
    public synchronized void flushIfDue() {
        if (!pending.isEmpty() && System.nanoTime() - pendingSince >= CHUNK_AGE.toNanos()) {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String content = pending.toString();
        jdbc.sql("INSERT INTO run_log_chunk (run_id, start_offset, content) VALUES (?, ?, ?)")
                .params(runId, written, content)
                .update();
        written += content.length();
        pending.setLength(0);
    }

    String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        // NUL cannot be stored in PostgreSQL text; a process may still print it.
        return masked.replace('\0', '\uFFFD');
    }
}
