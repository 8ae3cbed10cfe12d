package dev.opsledger.automation.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.automation.run.command.TaskRun;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.ServiceHttp;
import dev.opsledger.testkit.ServiceHttp.Response;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two runs of a {@code FORBID} task requested at the same moment from two threads over HTTP:
 * one run is recorded and starts, the other gets a 409 problem and leaves no event. Repeated
 * {@link #ROUNDS} times on fresh tasks so an interleaving that only happens now and then is caught.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class ConcurrentForbiddenRunsIT {

    private static final int ROUNDS = 20;
    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final Path SCRIPTS = Path.of("target", "fault-it-scripts").toAbsolutePath();
    private static final ExecutorService RACERS = Executors.newFixedThreadPool(2);

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final String admin = issuer.bearer("admin1", Set.of("automation-admin"));
    private final String developer = issuer.bearer("dev1", Set.of("developer"));
    private final String otherDeveloper = issuer.bearer("dev2", Set.of("developer"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void scripts(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(SCRIPTS);
        // Runs until cancelled, so the winner still holds the task while the loser is refused.
        Path script = SCRIPTS.resolve("hold.sh");
        Files.writeString(script, "#!/bin/sh\necho holding\nsleep 120\n");
        script.toFile().setExecutable(true);
        registry.add("opsledger.automation.allowed-executables", () -> SCRIPTS + "/");
        registry.add("opsledger.automation.work-directory", () -> Path.of("target", "fault-it-work").toAbsolutePath());
    }

    @AfterAll
    static void stopRacers() {
        RACERS.shutdownNow();
    }

    @Test
    void givenAForbidTask_whenTwoRunsAreRequestedAtOnce_thenOneRunsAndTheOtherGets409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String task = http().post("/tasks", admin, Map.of("name", "hold-" + UUID.randomUUID(),
                    "executor", Map.of("kind", "SHELL", "executable", SCRIPTS.resolve("hold.sh").toString(),
                            "arguments", List.of()),
                    "parameters", List.of(), "timeout", "PT5M", "concurrency", "FORBID",
                    "runRoles", List.of("developer"))).createdId();

            List<Response> answers = race(() -> startRun(task, developer), () -> startRun(task, otherDeveloper));

            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
            assertThat(answers).filteredOn(r -> r.status() == 409).singleElement()
                    .extracting(Response::problemCode).isEqualTo(TaskRun.CONCURRENCY_FORBIDDEN);
            String winner = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().createdId();
            assertThat(runsRequested(task)).as("runs of task %s in the event store", task).containsExactly(winner);

            // Frees the task and the worker for the next round.
            await().atMost(ASYNC).until(() -> "RUNNING".equals(status(winner)));
            assertThat(http().post("/task-runs/" + winner + "/cancel", admin, Map.of("reason", "race over"))
                    .status()).isEqualTo(202);
            await().atMost(ASYNC).until(() -> "CANCELLED".equals(status(winner)));
        }
        System.out.printf("ConcurrentForbiddenRunsIT: two runs of a FORBID task at once, %d rounds, "
                + "one 201 and one 409 each, one RunRequested each%n", ROUNDS);
    }

    private Response startRun(String task, String requester) {
        return http().post("/tasks/" + task + "/runs", requester, Map.of());
    }

    /** Both requests released by one barrier from two threads of their own; the answers in argument order. */
    private static List<Response> race(Supplier<Response> first,
                                       Supplier<Response> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Response> a = RACERS.submit(() -> {
            start.await();
            return first.get();
        });
        Future<Response> b = RACERS.submit(() -> {
            start.await();
            return second.get();
        });
        return List.of(a.get(), b.get());
    }

    /** The run ids whose stored {@code RunRequested} names the task. */
    private List<String> runsRequested(String task) {
        return jdbc.sql("""
                        SELECT aggregate_identifier FROM domain_event_entry
                        WHERE payload_type LIKE '%.RunRequested' AND position(? IN convert_from(payload, 'UTF8')) > 0""")
                .param(task).query(String.class).list();
    }

    private String status(String run) {
        Response response = http().get("/task-runs/" + run, admin);
        return response.status() == 200 ? response.body().path("status").asString() : "";
    }

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }
}
