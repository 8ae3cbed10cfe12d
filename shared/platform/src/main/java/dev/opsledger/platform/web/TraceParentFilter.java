package dev.opsledger.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.opsledger.platform.core.trace.TraceParent;
import dev.opsledger.platform.metadata.MetadataKeys;

/**
 * Puts every request on a trace: the caller's W3C {@code traceparent} (the gateway's, for routed
 * requests) continued under a span of this service, or a new trace when there is none or it is
 * malformed. The value sits in the MDC under {@link MetadataKeys#TRACEPARENT}, where the command
 * dispatch interceptor picks it up, so the trace travels in the metadata of every command and event the
 * request causes, and from there in the CloudEvents of every Kafka hop (ADR 042).
 */
public class TraceParentFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceParent trace = TraceParent.continueOrStart(request.getHeader(TraceParent.HEADER));
        String previous = MDC.get(MetadataKeys.TRACEPARENT);
        MDC.put(MetadataKeys.TRACEPARENT, trace.toString());
        try {
            chain.doFilter(request, response);
        } finally {
            // Restore rather than remove, as RequestIdFilter does for a nested error dispatch.
            if (previous == null) {
                MDC.remove(MetadataKeys.TRACEPARENT);
            } else {
                MDC.put(MetadataKeys.TRACEPARENT, previous);
            }
        }
    }
}
