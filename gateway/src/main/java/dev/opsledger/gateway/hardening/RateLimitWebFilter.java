package dev.opsledger.gateway.hardening;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import dev.opsledger.gateway.config.GatewayProperties;
import dev.opsledger.gateway.problem.ProblemResponses;

/**
 * Limits requests per caller. Runs after Spring Security (order -100), so the caller is known:
 * the token subject for bearer calls and the logged-in user's subject for sessions (one person
 * shares one bucket across browser and scripts); anonymous requests are keyed by client IP,
 * because an anonymous client could shed a session cookie to get a fresh bucket.
 */
@Component
public class RateLimitWebFilter implements WebFilter, Ordered {

    public static final String RATE_LIMITED = "rate-limited";

    private final boolean enabled;
    private final TokenBucketRateLimiter limiter;
    private final ProblemResponses problems;

    public RateLimitWebFilter(GatewayProperties properties, ProblemResponses problems, Clock clock) {
        var config = properties.rateLimit();
        this.enabled = config.enabled();
        this.limiter = new TokenBucketRateLimiter(config.capacity(), config.refillPerSecond(),
                config.maxTrackedCallers(), clock);
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -99;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(RateLimitWebFilter::subjectKey)
                .defaultIfEmpty("")
                .flatMap(key -> {
                    String callerKey = key.isEmpty() ? ipKey(exchange) : key;
                    var decision = limiter.tryConsume(callerKey);
                    if (decision.allowed()) {
                        exchange.getResponse().getHeaders().set("RateLimit-Remaining",
                                Long.toString(decision.remaining()));
                        return chain.filter(exchange);
                    }
                    long retryAfterSeconds = Math.max(1, (long) Math.ceil(decision.retryAfter().toMillis() / 1000d));
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED,
                            "Too many requests from this caller; retry after " + retryAfterSeconds + " s.",
                            headers -> headers.set("Retry-After", Long.toString(retryAfterSeconds)),
                            Map.of("retryAfterSeconds", retryAfterSeconds));
                });
    }

    static String subjectKey(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().getSubject() != null) {
            return "sub:" + jwt.getToken().getSubject();
        }
        if (authentication instanceof OAuth2AuthenticationToken oauth
                && oauth.getPrincipal() instanceof OidcUser user && user.getSubject() != null) {
            return "sub:" + user.getSubject();
        }
        return "";
    }

    private static String ipKey(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "ip:" + (remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress());
    }
}
