package dev.opsledger.devstack;

import dev.opsledger.testkit.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpsLedger's public API as a script sees it: through the gateway, with real tokens from
 * Keycloak's password grant. Used to seed demo data and by the end-to-end test.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String gatewayUrl;
    private final KeycloakServer keycloak;
    private final Map<String, String> tokens;
    private final Map<String, String> headers;

    public ApiClient(String gatewayUrl, KeycloakServer keycloak) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), gatewayUrl, keycloak,
                new ConcurrentHashMap<>(), Map.of());
    }

    private ApiClient(HttpClient http, String gatewayUrl, KeycloakServer keycloak, Map<String, String> tokens,
                      Map<String, String> headers) {
        this.http = http;
        this.gatewayUrl = gatewayUrl;
        this.keycloak = keycloak;
        this.tokens = tokens;
        this.headers = Map.copyOf(headers);
    }

    /**
     * The same client (and tokens) sending one more header on every request, e.g. a W3C
     * {@code traceparent} to follow a caller's trace through the platform.
     */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiClient(http, gatewayUrl, keycloak, tokens, more);
    }

    /** An answer: status, body and the headers a caller may need (Location, X-Request-Id). */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    public Answer post(String user, String path, Object body) {
        return send(user, HttpRequest.newBuilder(uri(path)).POST(bodyOf(body)), null);
    }

    public Answer post(String user, String path, Object body, String requestId) {
        return send(user, HttpRequest.newBuilder(uri(path)).POST(bodyOf(body)), requestId);
    }

    public Answer put(String user, String path, Object body) {
        return send(user, HttpRequest.newBuilder(uri(path)).PUT(bodyOf(body)), null);
    }

    /** POSTs and insists on a 2xx; returns the created id. */
    public String create(String user, String path, Object body) {
        Answer answer = expectSuccess(post(user, path, body), "POST " + path);
        return answer.text("id");
    }

    public Answer expectSuccess(Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.raw().body());
        }
        return answer;
    }

    /** Polls a GET until the read side shows what the caller waits for (read models are eventually consistent). */
    public JsonNode await(String user, String path, Predicate<JsonNode> condition, String what) {
        return await(user, path, condition, what, AWAIT_TIMEOUT);
    }

    /** {@link #await(String, String, Predicate, String)} for a step known to take longer, e.g. a saga across services. */
    public JsonNode await(String user, String path, Predicate<JsonNode> condition, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(user, path);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            Launcher.pause(Duration.ofMillis(300));
        }
        throw new IllegalStateException("Timed out waiting for " + what + " at " + path + "; last answer "
                + (last == null ? "none" : last.status() + " " + last.raw().body()));
    }

    /**
     * Repeats a call while it answers {@code status}, for at most the await timeout: what another
     * service published reaches this one's read model a moment later (a lifecycle naming a backup
     * policy is a 422 until release-service has seen the policy), and the caller is meant to retry.
     */
    public Answer retryWhile(int status, Supplier<Answer> call, String what) {
        Instant deadline = Instant.now().plus(AWAIT_TIMEOUT);
        Answer answer = call.get();
        while (answer.status() == status && Instant.now().isBefore(deadline)) {
            Launcher.pause(Duration.ofMillis(300));
            answer = call.get();
        }
        return expectSuccess(answer, what);
    }

    private Answer send(String user, HttpRequest.Builder request, String requestId) {
        request.header("Authorization", "Bearer " + tokenOf(user))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .timeout(Duration.ofSeconds(30));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + gatewayUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String tokenOf(String user) {
        // Demo tokens live five minutes; a seed or a test run is shorter than that.
        return tokens.computeIfAbsent(user, keycloak::tokenFor);
    }

    private URI uri(String path) {
        return URI.create(gatewayUrl + path);
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        return HttpRequest.BodyPublishers.ofString(body == null ? "{}" : JSON.writeValueAsString(body));
    }
}
