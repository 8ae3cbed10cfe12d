package dev.opsledger.gateway.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.opsledger.gateway.hardening.RequestIdWebFilter;

/**
 * Writes the RFC 9457 problem details the gateway itself answers with. Filters and security
 * handlers run outside any controller, so Spring's controller-level problem support never
 * sees their errors: they all come here instead. Every problem carries a stable {@code code}
 * (the same field the services' problems have), so a client never parses {@code detail}.
 */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    public static final String CODE = "code";
    private static final String TYPE_BASE = "https://opsledger.dev/problems/";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        return write(exchange, status, code, detail, headers -> { }, Map.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail,
                            Consumer<HttpHeaders> extraHeaders, Map<String, Object> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Too late to change the answer (a proxied response is already streaming).
            return Mono.empty();
        }
        String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        byte[] bytes = bytes(body(status, code, detail, exchange.getRequest().getPath().value(), requestId, extensions));
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        // Problems are also written by filters running before Spring Security's header writer.
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("no-store");
        extraHeaders.accept(headers);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The serialized problem, for writers outside an exchange (the HTTP codec's own refusals). */
    public byte[] bytes(Map<String, Object> body) {
        return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code instance} and {@code requestId} are left out when null (a request that could not be read). */
    public static Map<String, Object> body(HttpStatusCode status, String code, String detail, String instance,
                                           String requestId, Map<String, Object> extensions) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known != null ? known.getReasonPhrase() : "Error";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create(TYPE_BASE + slug(title)).toString());
        body.put("title", title);
        body.put("status", status.value());
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put(CODE, code);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(extensions);
        return body;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
