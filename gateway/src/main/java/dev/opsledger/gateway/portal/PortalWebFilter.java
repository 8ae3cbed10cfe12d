package dev.opsledger.gateway.portal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves the admin portal (built into {@code classpath:/static}) as a single-page app: a browser
 * asking for a client route such as {@code /releases/42} gets {@code index.html}, so bookmarks and
 * reloads work. Only page navigations are rewritten (GET, {@code Accept: text/html}, no file
 * extension, outside the gateway's own paths); an API client still gets the 404 problem.
 * <p>
 * Vite names every asset by its content hash, so {@code /assets/**} may be cached for good;
 * {@code index.html} is revalidated on every load so a new deployment is picked up at once.
 */
@Component
// After Spring Security (order -100), so its firewall refuses malformed paths before any rewrite.
@Order(0)
public class PortalWebFilter implements WebFilter {

    static final String INDEX = "/index.html";
    static final String ASSETS = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /** First path segments the gateway answers itself or routes: never a portal page. */
    private static final List<String> RESERVED = List.of("/api", "/oauth2", "/login", "/logout", "/actuator",
            "/v3", "/swagger-ui", "/webjars", "/assets", "/error");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith(ASSETS)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
            return chain.filter(exchange);
        }
        if (isPageNavigation(request, path)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
            ServerHttpRequest index = request.mutate().path(INDEX).build();
            return chain.filter(exchange.mutate().request(index).build());
        }
        if (path.equals(INDEX)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        }
        return chain.filter(exchange);
    }

    static boolean isPageNavigation(ServerHttpRequest request, String path) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return false;
        }
        if (path.equals("/")) {
            return true;
        }
        for (String reserved : RESERVED) {
            if (path.equals(reserved) || path.startsWith(reserved + "/")) {
                return false;
            }
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        if (lastSegment.contains(".")) {
            return false;
        }
        List<MediaType> accept = request.getHeaders().getAccept();
        return accept.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}
