package dev.opsledger.release.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.release.ReleaseServiceApplication;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.AuditSigningKeys;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.RestartablePostgres;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL restarted under load. Eight clients register applications for 30 s; ten seconds in,
 * the service's PostgreSQL (durable settings, a server of this test's own) is stopped for ten
 * seconds, then started on the same data and port. The service is never restarted.
 *
 * <p>What must hold: every command answered 2xx is in the event store; every command sent while
 * the database is away is answered 503 {@code service-unavailable} as a problem detail, never a
 * 500 and never a hang (the client gives up after {@link #CLIENT_TIMEOUT}); and commands succeed
 * again after the restart.
 */
@WithKafka
@WithLocalJwtIssuer
class PostgresRestartFaultIT {

    private static final int CLIENTS = 8;
    private static final Duration LOAD = Duration.ofSeconds(30);
    private static final Duration BEFORE_OUTAGE = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    // Far above Hikari's 5 s connection timeout, after which the service must have answered.
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String releaseManager = LocalJwtIssuer.shared().bearer("rm1", Set.of("release-manager"));

    /** What one command got back. */
    private record Outcome(Instant sentAt, int status, String contentType, String code, String applicationId,
                           String failure) {

        boolean acknowledged() {
            return status == 201;
        }

        boolean unavailable() {
            return status == 503 && "application/problem+json".equals(contentType) && "service-unavailable".equals(code);
        }
    }

    @Test
    void givenEightClients_whenPostgresIsStoppedTenSecondsAndStarted_thenNothingAcknowledgedIsLostAndTheRestIs503(
            KafkaBroker kafka, @TempDir Path temp) throws Exception {
        RestartablePostgres postgres = RestartablePostgres.start(temp.resolve("postgres"));
        try (postgres) {
            PostgresDatabase database = postgres.createDatabase("release_restart");
            try (ConfigurableApplicationContext service = start(database, kafka)) {
                URI applications = URI.create("http://localhost:"
                        + service.getEnvironment().getProperty("local.server.port") + "/applications");
                warmUp(applications);
                Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
                Instant loadStarts = Instant.now();
                Instant loadEnds = Instant.now().plus(LOAD);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    running.add(clients.submit(() -> {
                        while (Instant.now().isBefore(loadEnds)) {
                            outcomes.add(register(applications));
                        }
                    }));
                }

                Thread.sleep(BEFORE_OUTAGE.toMillis());
                Instant stopped = Instant.now();
                postgres.stop();
                Thread.sleep(OUTAGE.toMillis());
                postgres.restart();
                Instant restarted = Instant.now();

                for (Future<?> client : running) {
                    client.get(LOAD.plus(CLIENT_TIMEOUT).toSeconds(), TimeUnit.SECONDS);
                }
                clients.shutdown();
                // The service recovers by itself, without a restart: the pool reconnects. (The restart of a
                // durable server may take most of the load's last ten seconds, so this is asked after the load.)
                await().atMost(Duration.ofSeconds(60)).until(() -> register(applications).acknowledged());

                List<Outcome> all = List.copyOf(outcomes);
                List<String> acknowledged = all.stream().filter(Outcome::acknowledged).map(Outcome::applicationId)
                        .toList();
                long unavailable = all.stream().filter(Outcome::unavailable).count();
                List<Outcome> other = all.stream().filter(o -> !o.acknowledged() && !o.unavailable()).toList();
                long stored = count(database, "domain_event_entry", "aggregate_identifier", acknowledged);
                long acknowledgedBeforeOutage = all.stream()
                        .filter(o -> o.acknowledged() && o.sentAt().isBefore(stopped)).count();
                long acknowledgedAfterRestart = all.stream()
                        .filter(o -> o.acknowledged() && o.sentAt().isAfter(restarted)).count();
                System.out.printf("PostgresRestartFaultIT: clients %d, load %d s, PostgreSQL down %d ms from %d ms "
                                + "into the load; sent %d, 2xx %d (%d sent before the stop, %d after the restart), "
                                + "503 %d, other %d, stored %d of the 2xx%n",
                        CLIENTS, LOAD.toSeconds(), Duration.between(stopped, restarted).toMillis(),
                        Duration.between(loadStarts, stopped).toMillis(), all.size(), acknowledged.size(),
                        acknowledgedBeforeOutage, acknowledgedAfterRestart, unavailable, other.size(), stored);
                other.stream().limit(10).forEach(o -> System.out.println("PostgresRestartFaultIT: other " + o));

                assertThat(other).as("answers that are neither 2xx nor a 503 problem (500s, timeouts)").isEmpty();
                assertThat(unavailable).as("commands sent while PostgreSQL was down were answered 503").isPositive();
                assertThat(stored).as("every acknowledged command is in the event store").isEqualTo(acknowledged.size());
                // The read model catches up by itself: its processor retries from its token, skipping nothing.
                await().atMost(Duration.ofSeconds(120)).until(
                        () -> count(database, "application_view", "application_id", acknowledged) == acknowledged.size());
                assertThat(acknowledgedBeforeOutage).as("commands acknowledged before the stop, to be found after it")
                        .isPositive();
            }
        }
    }

    /** Until the service answers quickly (tokens' keys fetched, code paths warm), so the load measures the outage. */
    private void warmUp(URI applications) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Instant sent = Instant.now();
            return register(applications).acknowledged()
                    && Duration.between(sent, Instant.now()).compareTo(Duration.ofMillis(500)) < 0;
        });
    }

    private Outcome register(URI applications) {
        Instant sentAt = Instant.now();
        String body = JSON.writeValueAsString(Map.of("name", "restart-" + UUID.randomUUID(),
                "owningTeam", "payments", "repositoryUrl", "https://git.example.org/payments/billing.git"));
        HttpRequest request = HttpRequest.newBuilder(applications).timeout(CLIENT_TIMEOUT)
                .header("Authorization", releaseManager).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Outcome(sentAt, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), json.path("code").asString(null),
                    json.path("id").asString(null), null);
        } catch (HttpTimeoutException e) {
            return new Outcome(sentAt, 0, "", null, null, "no answer within " + CLIENT_TIMEOUT);
        } catch (IOException e) {
            return new Outcome(sentAt, 0, "", null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(sentAt, 0, "", null, null, "interrupted");
        }
    }

    /** How many of the ids appear in the table's column (the event store, or a read model). */
    private static long count(PostgresDatabase database, String table, String column, List<String> ids)
            throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(DISTINCT " + column + ") FROM " + table + " WHERE " + column + " = ANY (?)")) {
            Array array = connection.createArrayOf("varchar", ids.toArray());
            query.setArray(1, array);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The service as its own application, pointed at this test's server (arguments outrank its application.yml). */
    private static ConfigurableApplicationContext start(PostgresDatabase database, KafkaBroker kafka) {
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        properties.putAll(kafka.properties());
        properties.putAll(LocalJwtIssuer.shared().properties());
        properties.putAll(AuditSigningKeys.properties());
        properties.put("server.port", 0);
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ReleaseServiceApplication.class).run(arguments);
    }
}
