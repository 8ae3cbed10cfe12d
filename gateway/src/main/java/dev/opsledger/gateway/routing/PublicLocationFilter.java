package dev.opsledger.gateway.routing;

import java.net.URI;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service names its resources by its own paths ({@code Location: /releases/42}); behind the
 * gateway the client must follow the public path ({@code /api/releases/42}). Every route strips
 * the public prefix on the way in, so this filter puts it back on the way out: for a path-only
 * {@code Location} and for an absolute one that points at the service itself (the client can't
 * reach the service's own address). Any other absolute URL (e.g. a login page) is left alone.
 */
final class PublicLocationFilter implements GatewayFilter {

    private final String publicPrefix;
    private final URI service;

    PublicLocationFilter(String publicPrefix, URI service) {
        this.publicPrefix = publicPrefix;
        this.service = service;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // Before commit: the relayed headers are in place, the caller hasn't seen them yet.
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            String location = headers.getFirst(HttpHeaders.LOCATION);
            if (location != null) {
                headers.set(HttpHeaders.LOCATION, publicLocation(location));
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    String publicLocation(String location) {
        if (location.startsWith("/") && !location.startsWith("//")) {
            return publicPrefix + location;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            return location;
        }
        if (uri.isAbsolute() && sameOrigin(uri, service) && uri.getRawPath() != null && uri.getRawPath().startsWith("/")) {
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
            return publicPrefix + uri.getRawPath() + query + fragment;
        }
        return location;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
