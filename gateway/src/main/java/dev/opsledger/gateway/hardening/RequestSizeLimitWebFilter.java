package dev.opsledger.gateway.hardening;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.opsledger.gateway.config.GatewayProperties;
import dev.opsledger.gateway.problem.GatewayProblem;
import dev.opsledger.gateway.problem.ProblemResponses;

/**
 * Refuses request bodies above the configured size with 413. A declared Content-Length is
 * checked up front; a chunked body is counted while it streams, so a client can't get around
 * the limit by leaving the length out.
 */
@Component
public class RequestSizeLimitWebFilter implements WebFilter, Ordered {

    public static final String TOO_LARGE = "request.too-large";

    private final long maxBytes;
    private final ProblemResponses problems;

    public RequestSizeLimitWebFilter(GatewayProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.hardening().maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, tooLarge()));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private String tooLarge() {
        return "Request body larger than " + maxBytes + " bytes.";
    }
}
