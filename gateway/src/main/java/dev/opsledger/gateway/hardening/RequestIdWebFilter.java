package dev.opsledger.gateway.hardening;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import dev.opsledger.gateway.config.GatewayProperties;

/**
 * Gives every request one id, sent downstream and back to the caller as {@code X-Request-Id}.
 * A client's own id is kept only when it is a short safe token, because the value ends up in
 * logs, event metadata and response headers (no injection of separators or control chars).
 */
@Component
public class RequestIdWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final boolean acceptClientId;

    public RequestIdWebFilter(GatewayProperties properties) {
        this.acceptClientId = properties.hardening().acceptClientRequestId();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = resolve(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        // Set just before the response is written: a routed service echoes the id too, and the
        // copied downstream headers must not leave the caller with two values.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
                .build();
        return chain.filter(withId);
    }

    String resolve(String inbound) {
        if (acceptClientId && inbound != null && SAFE.matcher(inbound).matches()) {
            return inbound;
        }
        return UUID.randomUUID().toString();
    }
}
