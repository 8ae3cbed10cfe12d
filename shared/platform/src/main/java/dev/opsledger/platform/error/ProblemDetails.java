package dev.opsledger.platform.error;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import dev.opsledger.platform.web.RequestIdFilter;

/**
 * The members every OpsLedger problem detail carries, whoever writes it (the exception handler,
 * or the security entry point that runs before any controller): {@code instance} is the request
 * path and {@code requestId} the id the request-id filter assigned, so a client can quote one
 * value and we find the log lines.
 */
public final class ProblemDetails {

    /** Stable, machine-readable reason; clients switch on it rather than on {@code detail}. */
    public static final String CODE = "code";
    public static final String REQUEST_ID = "requestId";
    public static final String ERRORS = "errors";
    /** Input that failed validation; {@code errors} names each field and the reason. */
    public static final String VALIDATION_FAILED = "validation.failed";

    private ProblemDetails() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code);
        return withRequestContext(problem, request);
    }

    /** 400 {@code validation.failed} with one entry per field: what every input error answers. */
    public static ProblemDetail validation(List<FieldError> errors, HttpServletRequest request) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, "The request has invalid input; see errors.",
                request);
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /**
     * The code of an answer that has only a status (Spring MVC's 405/406/415, the container's 400
     * for a malformed request line, a 404 before any handler): its name, {@code method-not-allowed}.
     */
    public static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProblemDetail withRequestContext(ProblemDetail problem, HttpServletRequest request) {
        if (request != null && problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        String requestId = RequestIdFilter.currentRequestId(request);
        if (requestId != null) {
            problem.setProperty(REQUEST_ID, requestId);
        }
        return problem;
    }

    /**
     * RFC 9457 JSON members of a problem, extension members flattened next to the standard ones.
     * Used where no message converter is at hand (servlet filters).
     */
    public static Map<String, Object> toMembers(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        // Spring 7 leaves type null for "about:blank"; RFC 9457 lets us omit it then.
        if (problem.getType() != null) {
            members.put("type", problem.getType().toString());
        }
        if (problem.getTitle() != null) {
            members.put("title", problem.getTitle());
        }
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(members::putIfAbsent);
        }
        return members;
    }
}
