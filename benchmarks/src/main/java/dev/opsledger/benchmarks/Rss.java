package dev.opsledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Resident memory of processes, read from Linux's {@code /proc} (VmRSS). */
final class Rss {

    private Rss() {
    }

    static long bytesOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended between listing and reading: it holds no memory any more.
        }
        return 0;
    }

    /** The process and everything it started, still running. */
    static Set<Long> treeOf(long pid) {
        Set<Long> pids = new LinkedHashSet<>();
        ProcessHandle.of(pid).ifPresent(handle -> {
            pids.add(handle.pid());
            handle.descendants().forEach(child -> pids.add(child.pid()));
        });
        return pids;
    }

    /** Processes whose command line contains {@code text}, with their descendants (e.g. PostgreSQL by data directory). */
    static Set<Long> treesMatching(String text) {
        Set<Long> pids = new LinkedHashSet<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains(text)) {
                        pids.addAll(treeOf(Long.parseLong(p.getFileName().toString())));
                    }
                } catch (IOException | RuntimeException gone) {
                    // Ended while listing.
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pids;
    }

    static long total(Set<Long> pids) {
        return pids.stream().mapToLong(Rss::bytesOf).sum();
    }

    static String gib(long bytes) {
        return String.format("%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** CPU time (user + system) the processes used so far, in milliseconds; Linux counts it in 1/100 s ticks. */
    static long cpuMillis(Set<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                // Ended: its time is no longer counted (PostgreSQL backends of closed connections).
            }
        }
        return ticks * 10;
    }
}
