package dev.opsledger.gateway.hardening;

import dev.opsledger.gateway.problem.ProblemResponses;
import dev.opsledger.platform.core.web.QueryStrings;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a query parameter without a name ({@code ?=x}, {@code ?a=1&=2}) with 400. The services
 * refuse it too, but the gateway's relay re-encodes the query from its parsed parameters and
 * drops such a parameter silently, so the service would never see what the client sent.
 */
@Component
public class NamelessQueryParameterWebFilter implements WebFilter, Ordered {

    public static final String NAMELESS_PARAMETER = "request.query-parameter-without-name";

    private final ProblemResponses problems;

    public NamelessQueryParameterWebFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (QueryStrings.hasParameterWithoutName(exchange.getRequest().getURI().getRawQuery())) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, NAMELESS_PARAMETER,
                    "The query has a parameter without a name.");
        }
        return chain.filter(exchange);
    }
}
