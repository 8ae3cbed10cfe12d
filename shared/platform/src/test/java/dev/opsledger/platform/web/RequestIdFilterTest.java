package dev.opsledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.opsledger.platform.metadata.MetadataKeys;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "client-42.retry_1", "A"})
    void givenSafeCallerId_whenFiltered_thenItIsUsedInMdcAttributeAndResponse(String callerId) throws Exception {
        Seen seen = run(callerId);

        assertThat(seen.mdc).isEqualTo(callerId);
        assertThat(seen.attribute).isEqualTo(callerId);
        assertThat(seen.response.getHeader(RequestIdFilter.HEADER)).isEqualTo(callerId);
    }

    @Test
    void givenCallerIdOfExactly64Chars_whenFiltered_thenItIsKept() throws Exception {
        String callerId = "a".repeat(64);

        assertThat(run(callerId).mdc).isEqualTo(callerId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "line\nINFO forged log line", "semi;colon", "ünïcode", "{\"json\":1}"})
    void givenUnsafeCallerId_whenFiltered_thenAFreshUuidReplacesIt(String callerId) throws Exception {
        Seen seen = run(callerId);

        assertThat(seen.mdc).isNotEqualTo(callerId);
        assertThat(UUID.fromString(seen.mdc)).isNotNull();
        assertThat(seen.response.getHeader(RequestIdFilter.HEADER)).isEqualTo(seen.mdc);
    }

    @Test
    void givenCallerIdOf65Chars_whenFiltered_thenAFreshUuidReplacesIt() throws Exception {
        Seen seen = run("a".repeat(65));

        assertThat(UUID.fromString(seen.mdc)).isNotNull();
    }

    @Test
    void givenNoCallerId_whenFiltered_thenAUuidIsGeneratedAndEchoed() throws Exception {
        Seen seen = run(null);

        assertThat(UUID.fromString(seen.mdc)).isNotNull();
        assertThat(seen.response.getHeader(RequestIdFilter.HEADER)).isEqualTo(seen.mdc);
        assertThat(seen.attribute).isEqualTo(seen.mdc);
    }

    @Test
    void givenRequestServed_whenFilterReturns_thenMdcNoLongerHoldsItsId() throws Exception {
        run("done-1");

        assertThat(MDC.get(MetadataKeys.MDC_REQUEST_ID)).isNull();
    }

    @Test
    void givenTwoRequests_whenNeitherSendsAnId_thenTheirIdsDiffer() throws Exception {
        assertThat(run(null).mdc).isNotEqualTo(run(null).mdc);
    }

    private Seen run(String callerId) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        if (callerId != null) {
            request.addHeader(RequestIdFilter.HEADER, callerId);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> mdc = new AtomicReference<>();
        AtomicReference<String> attribute = new AtomicReference<>();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                mdc.set(MDC.get(MetadataKeys.MDC_REQUEST_ID));
                attribute.set(RequestIdFilter.currentRequestId((HttpServletRequest) req));
            }
        });
        return new Seen(mdc.get(), attribute.get(), response);
    }

    private record Seen(String mdc, String attribute, MockHttpServletResponse response) {
    }
}
