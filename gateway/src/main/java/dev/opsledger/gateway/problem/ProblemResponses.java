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
 * sees their errors: they all come here instead.
 */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_BASE = "https://opsledger.dev/problems/";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, status, detail, headers -> { }, Map.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail,
                            Consumer<HttpHeaders> extraHeaders, Map<String, Object> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Too late to change the answer (a proxied response is already streaming).
            return Mono.empty();
        }
        Map<String, Object> body = body(exchange, status, detail, extensions);
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
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

    Map<String, Object> body(ServerWebExchange exchange, HttpStatusCode status, String detail,
                             Map<String, Object> extensions) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known != null ? known.getReasonPhrase() : "Error";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create(TYPE_BASE + slug(title)).toString());
        body.put("title", title);
        body.put("status", status.value());
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        body.put("instance", exchange.getRequest().getPath().value());
        String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
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
