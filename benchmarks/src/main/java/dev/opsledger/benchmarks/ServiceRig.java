package dev.opsledger.benchmarks;

import dev.opsledger.testkit.AuditSigningKeys;
import dev.opsledger.testkit.EmbeddedKafkaBroker;
import dev.opsledger.testkit.EmbeddedPostgresServer;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.PostgresDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * release-service as its own JVM on the testkit's servers: a durable PostgreSQL (fsync and
 * synchronous commit on, as in production; the tests' throw-away server turns them off and would
 * flatter the raw-JDBC baseline), the in-process Kafka broker, and the local JWT issuer.
 */
final class ServiceRig implements AutoCloseable {

    final Path root;
    final Path work;
    final EmbeddedPostgresServer postgres;
    final EmbeddedKafkaBroker kafka;
    final LocalJwtIssuer issuer;
    final PostgresDatabase database;
    final HttpLoad http = new HttpLoad();
    private ServiceProcess service;
    private List<String> serviceArguments = List.of();

    ServiceRig(Path root, Path work) throws Exception {
        this.root = root;
        this.work = work;
        Path data = work.resolve("postgres");
        DirectoryCleaner.delete(data);
        this.postgres = EmbeddedPostgresServer.start(data, ServiceProcess.freePort());
        this.kafka = EmbeddedKafkaBroker.start();
        this.issuer = LocalJwtIssuer.start();
        this.database = postgres.createDatabase("release");
    }

    /** Starts (or restarts) the service; {@code overrides} are extra Spring properties, e.g. a "before" setting. */
    void startService(Map<String, String> overrides) {
        if (service != null) {
            service.close();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        database.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUri());
        properties.put("opsledger.observability.structured-logs", "false");
        // A service on Kafka signs audit checkpoints: a throwaway pair, made for this run (testkit).
        AuditSigningKeys.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.putAll(overrides);
        List<String> jvm = new ArrayList<>(List.of("-Xms256m", "-Xmx512m"));
        String extra = System.getenv("BENCH_SERVICE_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        service = ServiceProcess.start(root, "release-service", properties, jvm, work.resolve("release-service.log"));
        serviceArguments = List.copyOf(overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    String url(String path) {
        return service.baseUrl() + path;
    }

    long servicePid() {
        return service.pid();
    }

    List<String> serviceOverrides() {
        return serviceArguments;
    }

    String token(String user, String role) {
        return issuer.token(user, Set.of(role));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** Registers an application as a release manager; answers its id. */
    String registerApplication(String name) {
        HttpResponse<String> response = http.send(HttpLoad.request(url("/applications"), token("rm1", "release-manager"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"%s","owningTeam":"bench","repositoryUrl":"https://git.example.org/%s.git"}"""
                        .formatted(name, name)))
                .build());
        return idFromLocation(response);
    }

    static String idFromLocation(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("expected 201, got " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Transactions committed in {@code database} so far (PostgreSQL's statistics, flushed within a second). */
    long commits(String database) throws SQLException {
        ServiceProcess.sleep(1_100);
        return count("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + database + "'");
    }

    /** CPU used so far by the PostgreSQL server: the postmaster and every backend alive now. */
    long postgresCpuMillis() {
        return Rss.cpuMillis(Rss.treesMatching(work.resolve("postgres").toString()));
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        issuer.close();
        kafka.close();
        postgres.close();
    }

    static final class DirectoryCleaner {
        private DirectoryCleaner() {
        }

        static void delete(Path path) throws java.io.IOException {
            if (!Files.exists(path)) {
                return;
            }
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
