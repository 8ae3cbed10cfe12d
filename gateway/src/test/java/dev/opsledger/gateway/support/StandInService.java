package dev.opsledger.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test double for a service behind the gateway, on 127.0.0.1. It records every request,
 * reads the relayed JWT's payload (no signature check: the real services do that; this one
 * only reports whom the gateway sent), answers 403 to a state change without the
 * {@code release-manager} role, and serves {@code GET /audit} from a fixed list with an opaque
 * cursor, like the services' audit endpoints.
 */
public final class StandInService implements AutoCloseable {

    /** What the stand-in saw of one request. */
    public record Seen(String method, String path, String query, Map<String, List<String>> headers,
                       String username, List<String> roles) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(entry -> entry.getValue().getFirst())
                    .orElse(null);
        }
    }

    public static final String REQUIRED_ROLE_FOR_CHANGES = "release-manager";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> auditEntries = new ArrayList<>();
    private volatile String locationOnCreate;
    private volatile Long chainBrokenAt;

    private StandInService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StandInService start(String name) {
        return new StandInService(name);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public Seen lastSeen() {
        return seen.getLast();
    }

    public void reset() {
        seen.clear();
        locationOnCreate = null;
    }

    /** From now on a permitted POST is answered 201 with this {@code Location}, as a service names what it created. */
    public StandInService locationOnCreate(String location) {
        this.locationOnCreate = location;
        return this;
    }

    /** {@code GET /audit/verify} reports the chain broken at this entry (null: intact). */
    public StandInService chainBrokenAt(Long globalIndex) {
        this.chainBrokenAt = globalIndex;
        return this;
    }

    /** Adds an audit entry; entries are served in the order added (the service's global order). */
    public synchronized StandInService audit(long globalIndex, Instant time, String actorName, String type) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("service", name);
        entry.put("globalIndex", globalIndex);
        entry.put("eventId", name + "-event-" + globalIndex);
        entry.put("time", time.toString());
        entry.put("actorId", "id-" + actorName);
        entry.put("actorName", actorName);
        entry.put("aggregateType", "Thing");
        entry.put("aggregateId", name + "-" + globalIndex);
        entry.put("aggregateSequence", 0);
        entry.put("type", type);
        entry.put("summary", name + " event " + globalIndex);
        entry.put("correlationId", "corr-" + globalIndex);
        entry.put("causationId", null);
        entry.put("previousHash", "h" + (globalIndex - 1));
        entry.put("hash", "h" + globalIndex);
        auditEntries.add(entry);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            Map<String, Object> claims = claims(exchange.getRequestHeaders().getFirst("Authorization"));
            String username = (String) claims.get("preferred_username");
            List<String> roles = roles(claims);
            URI uri = exchange.getRequestURI();
            seen.add(new Seen(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    copy(exchange.getRequestHeaders()), username, roles));

            if (username == null) {
                respond(exchange, 401, Map.of("title", "Unauthorized"));
            } else if (uri.getPath().equals("/audit")) {
                respond(exchange, 200, auditPage(query(uri.getRawQuery())));
            } else if (uri.getPath().equals("/audit/verify")) {
                respond(exchange, 200, verification());
            } else if (uri.getPath().equals("/v3/api-docs")) {
                respond(exchange, 200, openApiDocument());
            } else if (!exchange.getRequestMethod().equals("GET") && !roles.contains(REQUIRED_ROLE_FOR_CHANGES)) {
                respond(exchange, 403, Map.of("title", "Forbidden", "status", 403,
                        "detail", username + " lacks " + REQUIRED_ROLE_FOR_CHANGES));
            } else if (exchange.getRequestMethod().equals("POST") && locationOnCreate != null) {
                exchange.getResponseHeaders().set("Location", locationOnCreate);
                respond(exchange, 201, Map.of("id", locationOnCreate.substring(locationOnCreate.lastIndexOf('/') + 1)));
            } else {
                respond(exchange, 200, Map.of("service", name, "method", exchange.getRequestMethod(),
                        "path", uri.getPath(), "user", username, "roles", roles));
            }
        }
    }

    private synchronized Map<String, Object> auditPage(Map<String, String> query) {
        int from = query.containsKey("cursor")
                ? Integer.parseInt(new String(Base64.getUrlDecoder().decode(query.get("cursor")), StandardCharsets.UTF_8)
                        .substring("after:".length()))
                : 0;
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        int to = Math.min(auditEntries.size(), from + limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("entries", List.copyOf(auditEntries.subList(from, to)));
        page.put("nextCursor", to < auditEntries.size()
                ? Base64.getUrlEncoder().encodeToString(("after:" + to).getBytes(StandardCharsets.UTF_8))
                : null);
        return page;
    }

    private synchronized Map<String, Object> verification() {
        Map<String, Object> verification = new LinkedHashMap<>();
        Long brokenAt = chainBrokenAt;
        verification.put("valid", brokenAt == null);
        verification.put("entries", brokenAt == null ? auditEntries.size() : brokenAt - 1);
        if (brokenAt != null) {
            verification.put("firstBrokenGlobalIndex", brokenAt);
            verification.put("reason", "hash does not match the entry's content");
            verification.put("tampering", "CHANGED");
        }
        // What a service publishing signed checkpoints adds: the one its chain was checked against.
        verification.put("anchor", Map.of("rejectedCheckpoints", 0, "checkpoint", Map.of("service", name,
                "headGlobalIndex", auditEntries.size(), "headHash", "0".repeat(64), "entries", auditEntries.size(),
                "time", "2026-11-30T10:00:00Z", "keyId", "0123456789abcdef", "signature", "c2lnbmF0dXJl")));
        return verification;
    }

    /** Like springdoc's document: it names the address it was asked on as its server. */
    private Map<String, Object> openApiDocument() {
        return Map.of("openapi", "3.1.0",
                "info", Map.of("title", name + "-service", "version", "test"),
                "servers", List.of(Map.of("url", uri().toString())),
                "paths", Map.of("/" + name + "s/{id}", Map.of("get", Map.of("operationId", "find"))));
    }

    private static Map<String, Object> claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Map.of();
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length < 2) {
            return Map.of();
        }
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = JSON.readValue(payload, Map.class);
        return claims;
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> roles) {
            return List.copyOf((Collection<String>) roles);
        }
        return List.of();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return copy;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // Like an OpsLedger service (the platform's request-id filter), echo the request id.
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
