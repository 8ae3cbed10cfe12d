package dev.opsledger.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The infrastructure shared by all tests of one JVM: each piece starts on first use and stops at JVM exit.
 * The annotations ({@link WithPostgres}, {@link WithKafka}, {@link WithKeycloak}) use this; tests may too.
 *
 * <p>{@code OPSLEDGER_TEST_INFRA=docker|embedded} (environment variable or system property) picks the source;
 * without it, Docker is used when an engine answers, and the embedded servers otherwise.
 */
public final class TestInfrastructure {

    public static final String MODE_VARIABLE = "OPSLEDGER_TEST_INFRA";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final int MAX_IDENTIFIER_LENGTH = 63;

    private static final Once<InfraMode> MODE = new Once<>("infrastructure mode", TestInfrastructure::detectMode);
    private static final Once<PostgresServer> POSTGRES = new Once<>("PostgreSQL", () ->
            mode() == InfraMode.DOCKER ? ContainerPostgresServer.start() : EmbeddedPostgresServer.start());
    private static final Once<KafkaBroker> KAFKA = new Once<>("Kafka", () ->
            mode() == InfraMode.DOCKER ? ContainerKafkaBroker.start() : EmbeddedKafkaBroker.start());
    private static final Once<KeycloakServer> KEYCLOAK = new Once<>("Keycloak", () ->
            mode() == InfraMode.DOCKER ? ContainerKeycloak.start() : EmbeddedKeycloak.start());
    private static final Map<Class<?>, PostgresDatabase> DATABASES = new ConcurrentHashMap<>();

    private TestInfrastructure() {
    }

    public static InfraMode mode() {
        return MODE.get();
    }

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    public static KafkaBroker kafka() {
        return KAFKA.get();
    }

    public static KeycloakServer keycloak() {
        return KEYCLOAK.get();
    }

    /**
     * The database of a test class: created empty the first time this JVM asks for it, the same handle afterwards,
     * so the JUnit parameter and the Spring context of one class see the same data and other classes never do.
     */
    public static PostgresDatabase databaseFor(Class<?> testClass) {
        return DATABASES.computeIfAbsent(testClass, type -> postgres().recreateDatabase(databaseName(type)));
    }

    /** A PostgreSQL identifier derived from the class: readable, and unique through a hash of the full name. */
    public static String databaseName(Class<?> testClass) {
        String fullName = testClass.getName();
        String packageName = testClass.getPackageName();
        String readable = (packageName.isEmpty() ? fullName : fullName.substring(packageName.length() + 1))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_");
        String suffix = "_" + Integer.toHexString(fullName.hashCode());
        int room = MAX_IDENTIFIER_LENGTH - "t_".length() - suffix.length();
        return "t_" + (readable.length() > room ? readable.substring(0, room) : readable) + suffix;
    }

    private static InfraMode detectMode() {
        String forced = System.getProperty(MODE_VARIABLE, System.getenv(MODE_VARIABLE));
        if (forced != null && !forced.isBlank()) {
            return switch (forced.trim().toLowerCase(Locale.ROOT)) {
                case "docker" -> InfraMode.DOCKER;
                case "embedded" -> InfraMode.EMBEDDED;
                default -> throw new IllegalArgumentException(MODE_VARIABLE + " must be docker or embedded, not " + forced);
            };
        }
        return dockerEngineLikely() && DockerClientFactory.instance().isDockerAvailable()
                ? InfraMode.DOCKER
                : InfraMode.EMBEDDED;
    }

    // Asking Testcontainers on a machine without any engine walks every strategy and logs each failure;
    // without a hint of an engine we go embedded at once and quietly.
    private static boolean dockerEngineLikely() {
        if (Stream.of("DOCKER_HOST", "TESTCONTAINERS_HOST_OVERRIDE", "TC_HOST").anyMatch(v -> System.getenv(v) != null)) {
            return true;
        }
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return Stream.of(
                        Path.of("/var/run/docker.sock"),
                        Path.of(home, ".docker", "run", "docker.sock"),
                        Path.of(home, ".docker", "desktop", "docker.sock"),
                        Path.of(home, ".rd", "docker.sock"),
                        Path.of(home, ".colima", "default", "docker.sock"),
                        Path.of(home, ".testcontainers.properties"),
                        runtimeDir != null ? Path.of(runtimeDir, "docker.sock") : Path.of("/nonexistent"))
                .anyMatch(Files::exists);
    }

    /** Starts something at most once per JVM; a failed start is remembered so later tests fail fast with the same cause. */
    private static final class Once<T> {

        private final String what;
        private final Supplier<T> start;
        private T value;
        private RuntimeException failure;

        Once(String what, Supplier<T> start) {
            this.what = what;
            this.start = start;
        }

        synchronized T get() {
            if (value != null) {
                return value;
            }
            if (failure != null) {
                throw new IllegalStateException(what + " failed to start earlier in this JVM", failure);
            }
            Instant begin = Instant.now();
            try {
                value = start.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            log.info("{} ready in {} ms: {}", what, Duration.between(begin, Instant.now()).toMillis(), value);
            return value;
        }
    }
}
