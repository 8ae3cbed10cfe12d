package dev.opsledger.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF for a single-page app. The SPA reads the raw token from the {@code XSRF-TOKEN} cookie
 * and echoes it in {@code X-XSRF-TOKEN}; server-rendered forms (none yet, but logout may be
 * one) get the BREACH-safe masked value. So: render masked, and accept the raw header value or
 * a masked form parameter.
 */
public final class SpaCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

    private final ServerCsrfTokenRequestHandler plain = new ServerCsrfTokenRequestAttributeHandler();
    private final ServerCsrfTokenRequestHandler xor = new XorServerCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        xor.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        String header = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName());
        return StringUtils.hasText(header)
                ? plain.resolveCsrfTokenValue(exchange, csrfToken)
                : xor.resolveCsrfTokenValue(exchange, csrfToken);
    }
}
