package dev.opsledger.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * With {@code BENCH_THREAD_DUMPS=1}, thread dumps of the service under test every two seconds while
 * a figure is measured: a poor man's profiler for where the request threads wait (a CPU profile
 * shows nothing when the service is not CPU-bound).
 */
final class ThreadDumps implements AutoCloseable {

    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadDumps(long pid, Path directory, String label) {
        sampler = Thread.ofPlatform().daemon().start(() -> {
            String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
            for (int i = 0; running; i++) {
                try {
                    Files.createDirectories(directory);
                    new ProcessBuilder(jstack, Long.toString(pid))
                            .redirectOutput(directory.resolve(label + "-" + i + ".txt").toFile())
                            .start().waitFor();
                    Thread.sleep(Duration.ofSeconds(2));
                } catch (Exception e) {
                    return;
                }
            }
        });
    }

    static AutoCloseable during(long pid, Path directory, String label) {
        if (!"1".equals(System.getenv("BENCH_THREAD_DUMPS"))) {
            return () -> { };
        }
        return new ThreadDumps(pid, directory, label);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(10_000);
    }
}
