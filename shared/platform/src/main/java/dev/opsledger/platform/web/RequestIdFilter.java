package dev.opsledger.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.opsledger.platform.metadata.MetadataKeys;

/**
 * Gives every request an id that logs, problem details, command metadata and the response share.
 * A caller's {@code X-Request-Id} is kept so a client (or the gateway) can follow its own id
 * through our logs, but only if it is a short, plain token: anything else could forge log lines
 * or blow up MDC-based JSON logs, so it is replaced rather than cleaned up.
 *
 * <p>Runs before Spring Security, so 401/403 answers carry the id too.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    /** Request attribute holding the id, for code that runs outside the MDC's thread. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = acceptOrGenerate(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        String previous = MDC.get(MetadataKeys.MDC_REQUEST_ID);
        MDC.put(MetadataKeys.MDC_REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            // Restore rather than remove: an error dispatch nested in the same thread must not
            // wipe the id of the request that is still being answered.
            if (previous == null) {
                MDC.remove(MetadataKeys.MDC_REQUEST_ID);
            } else {
                MDC.put(MetadataKeys.MDC_REQUEST_ID, previous);
            }
        }
    }

    /** The id of the current request: the filter's attribute, else the MDC, else {@code null}. */
    public static String currentRequestId(HttpServletRequest request) {
        Object attribute = request == null ? null : request.getAttribute(ATTRIBUTE);
        return attribute instanceof String id ? id : MDC.get(MetadataKeys.MDC_REQUEST_ID);
    }

    static String acceptOrGenerate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
