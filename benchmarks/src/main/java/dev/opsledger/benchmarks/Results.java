package dev.opsledger.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** What one run measured: the table rows and, per benchmark, how it was measured and what it showed. */
final class Results {

    /** One line of the table. {@code verdict} compares the figure with the goal. */
    record Row(String id, String what, String figure, String baseline, String ratio, String goal, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    synchronized void row(String id, String what, String figure, String baseline, String ratio, String goal,
                          boolean met) {
        rows.add(new Row(id, what, figure, baseline, ratio, goal, met ? "met" : "missed"));
        System.out.printf("[%s] %s: %s | baseline %s | ratio %s | goal %s -> %s%n", id, what, figure, baseline, ratio,
                goal, met ? "met" : "missed");
    }

    synchronized void note(String id, String what, String text) {
        rows.add(new Row(id, what, text, "—", "—", "—", "not measured"));
        System.out.printf("[%s] %s: %s%n", id, what, text);
    }

    synchronized void detail(String heading, String markdown) {
        details.add("### " + heading + "\n\n" + markdown.strip() + "\n");
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    synchronized String table() {
        StringBuilder table = new StringBuilder(
                "| # | What | Figure | Baseline (same run) | Ratio | Goal | |\n|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| ").append(String.join(" | ", row.id(), row.what(), row.figure(), row.baseline(),
                    row.ratio(), row.goal(), row.verdict())).append(" |\n");
        }
        return table.toString();
    }

    synchronized String details() {
        return String.join("\n", details);
    }

    static String f(String format, Object... args) {
        return String.format(java.util.Locale.ROOT, format, args);
    }
}
