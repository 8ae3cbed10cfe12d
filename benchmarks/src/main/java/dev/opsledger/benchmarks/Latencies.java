package dev.opsledger.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles by nearest rank over every sample (no histogram buckets). */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        long[] theirs = other.snapshot();
        for (long sample : theirs) {
            add(sample);
        }
    }

    synchronized int count() {
        return size;
    }

    synchronized long[] snapshot() {
        return Arrays.copyOf(samples, size);
    }

    /** Nearest-rank percentile in milliseconds; {@code p} in (0, 100]. */
    double percentileMillis(double p) {
        long[] sorted = snapshot();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1_000_000.0;
    }

    String summary() {
        return String.format("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", count(),
                percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
