package dev.opsledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the run ran on, and how busy the machine was: the figures are only comparable within one run. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return Results.f("%d cores (%s), %s RAM, JDK %s, load average %s", Runtime.getRuntime().availableProcessors(),
                cpuModel(), memory(), System.getProperty("java.version"), loadAverage());
    }

    static String loadAverage() {
        return read("/proc/loadavg").map(s -> String.join(" ", java.util.Arrays.copyOf(s.split(" "), 3))).orElse("?");
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").flatMap(s -> s.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    private static String memory() {
        return read("/proc/meminfo").flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal")).findFirst())
                .map(l -> Results.f("%.0f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
    }

    private static java.util.Optional<String> read(String file) {
        try {
            return java.util.Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
