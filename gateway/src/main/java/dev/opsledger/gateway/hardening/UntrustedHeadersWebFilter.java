package dev.opsledger.gateway.hardening;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import dev.opsledger.gateway.config.GatewayProperties;

/**
 * Drops headers that only a trusted proxy or the gateway itself may set. The gateway is the
 * edge: anything like {@code X-Forwarded-For} or {@code X-User-Id} arriving from outside is a
 * spoofing attempt. (Spring Cloud Gateway's own forwarding filters stay off, as no trusted
 * proxies are configured, so services see no X-Forwarded-* at all.)
 */
@Component
public class UntrustedHeadersWebFilter implements WebFilter, Ordered {

    private final List<String> exactNames;
    private final List<String> prefixes;

    public UntrustedHeadersWebFilter(GatewayProperties properties) {
        List<String> configured = properties.hardening().untrustedHeaders().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();
        this.exactNames = configured.stream().filter(name -> !name.endsWith("*")).toList();
        this.prefixes = configured.stream()
                .filter(name -> name.endsWith("*"))
                .map(name -> name.substring(0, name.length() - 1))
                .toList();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> toRemove = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(this::untrusted)
                .toList();
        if (toRemove.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> toRemove.forEach(headers::remove)))
                .build());
    }

    boolean untrusted(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return exactNames.contains(name) || prefixes.stream().anyMatch(name::startsWith);
    }
}
