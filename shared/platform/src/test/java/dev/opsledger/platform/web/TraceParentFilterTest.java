package dev.opsledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.opsledger.platform.core.trace.TraceParent;
import dev.opsledger.platform.metadata.MetadataKeys;

class TraceParentFilterTest {

    private static final String GATEWAYS = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final TraceParentFilter filter = new TraceParentFilter();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void givenRequestOnATrace_whenFiltered_thenTheServiceContinuesItUnderItsOwnParentIdAndRestoresTheMdc()
            throws Exception {
        TraceParent seen = TraceParent.parse(run(GATEWAYS)).orElseThrow();

        assertThat(seen.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(seen.parentId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(MDC.get(MetadataKeys.TRACEPARENT)).isNull();
    }

    @Test
    void givenRequestWithoutOrWithAForgedTraceparent_whenFiltered_thenANewTraceAndNothingOfTheInput() throws Exception {
        String forged = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nX: y";

        String withoutOne = run(null);
        String insteadOfForged = run(forged);

        assertThat(TraceParent.parse(withoutOne)).isPresent();
        assertThat(TraceParent.parse(insteadOfForged)).isPresent();
        assertThat(insteadOfForged).doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    /** The traceparent code behind the filter sees in the MDC. */
    private String run(String header) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/promotions");
        if (header != null) {
            request.addHeader(TraceParent.HEADER, header);
        }
        AtomicReference<String> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                }, (req, res, chain) -> seen.set(MDC.get(MetadataKeys.TRACEPARENT))));
        return seen.get();
    }
}
