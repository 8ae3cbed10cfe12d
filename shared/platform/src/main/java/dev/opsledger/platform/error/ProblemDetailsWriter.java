package dev.opsledger.platform.error;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem detail straight to the servlet response, for code that answers before MVC
 * (security entry points, filters) and so has no message converters.
 */
public final class ProblemDetailsWriter {

    private final JsonMapper jsonMapper;

    public ProblemDetailsWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), ProblemDetails.toMembers(problem));
    }

    /**
     * The body for a response whose status, and headers such as {@code WWW-Authenticate}, a Spring
     * Security delegate has set already: the problem carries that same status.
     */
    public void writeForCurrentStatus(String code, String detail, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        write(ProblemDetails.of(HttpStatusCode.valueOf(response.getStatus()), code, detail, request), response);
    }
}
