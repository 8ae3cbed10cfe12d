package dev.opsledger.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import dev.opsledger.platform.core.trace.TraceParent;

class TraceParentWebFilterTest {

    private static final String CALLERS = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final TraceParentWebFilter filter = new TraceParentWebFilter();

    @Test
    void givenCallerOnATrace_whenRouted_thenTheServiceReceivesTheSameTraceUnderTheGatewaysParentId() {
        TraceParent routed = TraceParent.parse(routedWith(CALLERS)).orElseThrow();

        assertThat(routed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(routed.parentId()).isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void givenNoOrAForgedTraceparent_whenRouted_thenANewTraceAndNothingOfTheInput() {
        String routedWithout = routedWith(null);
        String routedInsteadOfForged = routedWith("00-4bf92f3577b34da6a3ce929d0e0e4736-zz-01");

        assertThat(TraceParent.parse(routedWithout)).isPresent();
        assertThat(TraceParent.parse(routedInsteadOfForged)).isPresent();
        assertThat(routedInsteadOfForged).doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    /** The traceparent header the rest of the chain (the route to a service) sees. */
    private String routedWith(String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/promotions/p-1/approvals");
        if (header != null) {
            request.header(TraceParent.HEADER, header);
        }
        AtomicReference<String> routed = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> {
            routed.set(exchange.getRequest().getHeaders().getFirst(TraceParent.HEADER));
            return Mono.empty();
        }).block();
        return routed.get();
    }
}
