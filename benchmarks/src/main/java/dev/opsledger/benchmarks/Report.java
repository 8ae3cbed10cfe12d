package dev.opsledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Writes the dated results file and the table in the README (between its markers). */
final class Report {

    static final String START = "<!-- results:start -->";
    static final String END = "<!-- results:end -->";

    private Report() {
    }

    static void write(Path root, boolean smoke, String subset, Results results, String machine, String loadAtEnd,
                      Duration took) throws IOException {
        // A partial run (--only) gets a file of its own and leaves the README's table, which is a full run's.
        String date = Benchmarks.today() + (subset.isEmpty() ? "" : "-" + subset);
        String commit = git(root);
        String header = Results.f("""
                Run of %s (commit %s), %s, took %d min %d s.
                Machine: %s; load average at the end %s. Other builds shared the machine: compare figures with
                their baselines, not with other runs.
                """, Instant.now().truncatedTo(ChronoUnit.SECONDS), commit, smoke ? "SMOKE (figures meaningless)"
                : "full run (`./benchmarks/run`)", took.toMinutes(), took.toSecondsPart(), machine, loadAtEnd);
        String file = "# Benchmarks " + date + "\n\n" + header + "\n" + results.table() + "\n## How each was measured\n\n"
                + results.details();
        Path out = smoke
                ? root.resolve("benchmarks/target/smoke-results.md")
                : root.resolve("benchmarks/results/" + date + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, file);
        System.out.println("Results: " + out);
        if (smoke || !subset.isEmpty()) {
            return;
        }
        Path readme = root.resolve("benchmarks/README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("benchmarks/README.md lacks the " + START + " … " + END + " markers");
        }
        String table = START + "\n" + header + "\n" + results.table() + "\nDetails: [results/" + date + ".md](results/"
                + date + ".md)\n";
        Files.writeString(readme, text.substring(0, start) + table + text.substring(end));
    }

    private static String git(Path root) {
        try {
            Process process = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            Process dirty = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain", "--",
                    ".", ":!benchmarks/results", ":!benchmarks/README.md").redirectErrorStream(true).start();
            boolean changed = !new String(dirty.getInputStream().readAllBytes()).isBlank();
            dirty.waitFor();
            return out + (changed ? " + uncommitted changes" : "");
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
