package dev.opsledger.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.opsledger.platform.error.ProblemDetailsWriter;

/** 403 as a problem detail, keeping the bearer handler's {@code WWW-Authenticate} header. */
public final class ProblemDetailsAccessDeniedHandler implements AccessDeniedHandler {

    public static final String CODE = "forbidden";

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    private final ProblemDetailsWriter writer;

    public ProblemDetailsAccessDeniedHandler(ProblemDetailsWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        bearer.handle(request, response, accessDeniedException);
        writer.writeForCurrentStatus(CODE, "You lack a role this operation requires.", request, response);
    }
}
