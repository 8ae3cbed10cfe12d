package dev.opsledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resident memory of processes, read from Linux's {@code /proc}. {@link Kind#RSS} is each process's
 * {@code VmRSS}: a sum of them counts a shared page once per process that maps it (PostgreSQL's shared
 * buffers once per backend, the JDK's CDS archive once per JVM). {@link Kind#PSS} divides every shared
 * page among the processes that map it, so the sum is the memory the processes really hold.
 */
final class Rss {

    enum Kind {
        RSS("status", "VmRSS:"), PSS("smaps_rollup", "Pss:");

        private final String file;
        private final String field;

        Kind(String file, String field) {
            this.file = file;
            this.field = field;
        }
    }

    private Rss() {
    }

    static long bytesOf(long pid) {
        return bytesOf(pid, Kind.RSS);
    }

    static long bytesOf(long pid, Kind kind) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), kind.file))) {
                if (line.startsWith(kind.field)) {
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
        return total(pids, Kind.RSS);
    }

    static long total(Set<Long> pids, Rss.Kind kind) {
        return pids.stream().mapToLong(pid -> bytesOf(pid, kind)).sum();
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

    /**
     * CPU milliseconds so far of one JVM's threads, by what they do (Linux keeps 15 characters of a
     * thread's name, enough to tell request threads, tracking processors, the JIT and the GC apart).
     */
    static java.util.Map<String, Long> cpuByThreadKind(long pid) {
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
                    byKind.merge(kind(name), millis, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // The thread ended.
                }
            });
        } catch (IOException e) {
            return byKind;
        }
        return byKind;
    }

    private static String kind(String thread) {
        if (thread.startsWith("http-nio")) {
            return "HTTP request threads (commands, subscribing processors)";
        }
        if (thread.startsWith("EventProcessor")) {
            return "tracking processors";
        }
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
            return "GC";
        }
        if (thread.startsWith("EmbeddedEventSt")) {
            return "event store reader";
        }
        return "other";
    }
}
