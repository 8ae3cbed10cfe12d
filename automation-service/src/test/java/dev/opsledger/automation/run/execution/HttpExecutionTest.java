package dev.opsledger.automation.run.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.opsledger.automation.run.api.RunInputs;
import dev.opsledger.automation.run.api.RunOutcome;
import dev.opsledger.automation.task.api.ExecutorAllowList;
import dev.opsledger.automation.task.api.HttpExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP against the JDK's server on 127.0.0.1; only its port is on the allow-list. */
class HttpExecutionTest {

    private HttpServer allowed;
    private HttpServer forbidden;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> forbiddenHits = new CopyOnWriteArrayList<>();
    private HttpExecution http;

    @BeforeEach
    void setUp() throws IOException {
        forbidden = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        forbidden.createContext("/", exchange -> {
            forbiddenHits.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        forbidden.start();
        allowed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        allowed.createContext("/job/build", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = "{\"queued\": 42}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        allowed.createContext("/redirect-away", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + forbidden.getAddress().getPort() + "/x");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        allowed.createContext("/redirect-home", exchange -> {
            exchange.getResponseHeaders().add("Location", "/job/build");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        allowed.start();
        int port = allowed.getAddress().getPort();
        http = new HttpExecution(new ExecutorAllowList() {
            @Override
            public boolean allowsExecutable(String executable) {
                return false;
            }

            @Override
            public boolean allowsHost(String host, int hostPort) {
                return host.equals("127.0.0.1") && hostPort == port;
            }
        }, Duration.ofMillis(50));
    }

    @AfterEach
    void tearDown() {
        allowed.stop(0);
        forbidden.stop(0);
    }

    private RunInputs call(String url, Map<String, String> headers) {
        return new RunInputs("task-1", 1, new HttpExecutor("POST", url, headers,
                "{\"version\": {{version}}, \"note\": {{note}}}", Set.of(201)), Duration.ofSeconds(10),
                Map.of("version", "1.4.0", "note", "\", \"admin\": true, \"x\": \"\n"), Set.of());
    }

    private String base() {
        return "http://127.0.0.1:" + allowed.getAddress().getPort();
    }

    @Test
    void givenAnAllowedHost_whenCalled_thenParametersArriveJsonEncodedAndTheStatusDecides() {
        MemoryLog log = new MemoryLog();

        Execution.Result result = http.execute("run-1", call(base() + "/job/build",
                Map.of("Authorization", "Bearer {{token}}")), Map.of("token", "t0ken-value"), log, () -> true);

        assertThat(result.outcome()).as(log.text()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(result.exitCode()).isEqualTo(201);
        assertThat(bodies).containsExactly(
                "{\"version\": \"1.4.0\", \"note\": \"\\\", \\\"admin\\\": true, \\\"x\\\": \\\"\\u000a\"}"
                        + " auth=Bearer t0ken-value");
        assertThat(log.lines).contains("HTTP 201", "{\"queued\": 42}");
    }

    @Test
    void givenAHostOffTheAllowList_whenCalled_thenRefusedAndNothingSent() {
        MemoryLog log = new MemoryLog();

        Execution.Result result = http.execute("run-2", call("http://127.0.0.1:" + forbidden.getAddress().getPort()
                + "/job", Map.of()), Map.of(), log, () -> true);

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(forbiddenHits).isEmpty();
    }

    @Test
    void givenARedirectToAnotherHost_whenCalled_thenRefusedAndTheOtherHostNeverHit() {
        MemoryLog log = new MemoryLog();

        Execution.Result result = http.execute("run-3", call(base() + "/redirect-away", Map.of()), Map.of(), log,
                () -> true);

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(result.detail()).isEqualTo("redirect to another host refused");
        assertThat(forbiddenHits).isEmpty();
    }

    @Test
    void givenARedirectToTheSameHost_whenCalled_thenFollowed() {
        MemoryLog log = new MemoryLog();

        Execution.Result result = http.execute("run-4", call(base() + "/redirect-home", Map.of()), Map.of(), log,
                () -> true);

        assertThat(result.outcome()).as(log.text()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(bodies).hasSize(1);
    }

    @Test
    void givenAHeaderValueWithALineBreak_whenCalled_thenRefused() {
        MemoryLog log = new MemoryLog();

        Execution.Result result = http.execute("run-5", call(base() + "/job/build",
                Map.of("X-Note", "{{note}}")), Map.of(), log, () -> true);

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(bodies).isEmpty();
    }

    @Test
    void givenTheMetadataAddress_whenAllowListedByNameOnly_thenRefused() {
        HttpExecution permissive = new HttpExecution(new ExecutorAllowList() {
            @Override
            public boolean allowsExecutable(String executable) {
                return false;
            }

            @Override
            public boolean allowsHost(String host, int port) {
                return host.equals("metadata.internal.test");
            }
        }, Duration.ofMillis(50));
        MemoryLog log = new MemoryLog();

        Execution.Result result = permissive.execute("run-6", call("http://169.254.169.254/latest", Map.of()),
                Map.of(), log, () -> true);

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(log.text()).contains("not on the allow-list");
    }
}
