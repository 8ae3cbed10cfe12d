package dev.opsledger.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A gateway or service JVM started by the launcher, logging to its own file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Small heaps and a quick JIT: the whole stack has to fit a laptop (and a 2-core CI machine).
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx320m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:MaxMetaspaceSize=256m", "-XX:ReservedCodeCacheSize=64m");

    private final ServiceSpec spec;
    private final Path jar;
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceSpec spec, Path jar, Map<String, String> properties, Map<String, String> environment,
            Process process, Path log) {
        this.spec = spec;
        this.jar = jar;
        this.properties = Map.copyOf(properties);
        this.environment = Map.copyOf(environment);
        this.process = process;
        this.log = log;
    }

    /** The runnable jar Spring Boot's repackage left in the module's {@code target/}, if built. */
    static Optional<Path> jarOf(Path root, ServiceSpec spec) {
        Path target = root.resolve(spec.module()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.endsWith("-plain.jar")) {
                    return Optional.of(jar);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param properties  Spring properties, as command-line arguments
     * @param environment variables added to the launcher's own: for secrets, which {@code ps} would show as arguments
     */
    static ServiceProcess start(ServiceSpec spec, Path jar, Map<String, String> properties,
            Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        // Command-line arguments are Spring's highest-precedence property source: they win over the
        // service's application.yml, and nothing depends on relaxed environment-variable names.
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ServiceProcess(spec, jar, properties, environment, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    /** The same JVM again, with the same jar, surroundings and log: what a restart policy starts. */
    ServiceProcess restart() {
        return start(spec, jar, properties, environment, log);
    }

    ServiceSpec spec() {
        return spec;
    }

    /** The exit code of a process that has ended; -1 while it runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String url(StackHome home) {
        return "http://127.0.0.1:" + home.port(spec.port());
    }

    static boolean isHealthy(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM for a graceful Spring shutdown; after {@code grace}, kill it and whatever it started. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
