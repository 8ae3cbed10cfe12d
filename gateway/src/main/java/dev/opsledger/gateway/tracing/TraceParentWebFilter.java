package dev.opsledger.gateway.tracing;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import dev.opsledger.platform.core.trace.TraceParent;

/**
 * The first hop of a trace: a caller's W3C {@code traceparent} is continued under a span of the
 * gateway, or a new trace is started when there is none or it is malformed, and the result is what
 * the routed service receives. The service continues it in turn, and from there it travels in the
 * metadata and CloudEvents of every Kafka hop (ADR 042), so one trace spans gateway → release →
 * backup → automation. A malformed value is replaced, never passed on.
 */
@Component
public class TraceParentWebFilter implements WebFilter, Ordered {

    /** The trace this exchange is on, for code of the gateway itself. */
    public static final String ATTRIBUTE = TraceParentWebFilter.class.getName() + ".traceparent";

    @Override
    public int getOrder() {
        // After the request id and the removal of untrusted headers.
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TraceParent trace = TraceParent.continueOrStart(exchange.getRequest().getHeaders().getFirst(TraceParent.HEADER));
        exchange.getAttributes().put(ATTRIBUTE, trace);
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(TraceParent.HEADER, trace.toString())))
                .build());
    }
}
