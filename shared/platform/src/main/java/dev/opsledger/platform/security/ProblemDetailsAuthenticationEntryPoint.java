package dev.opsledger.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.opsledger.platform.error.ProblemDetailsWriter;

/**
 * 401 as a problem detail. Spring's bearer entry point still sets the status and the RFC 6750
 * {@code WWW-Authenticate} header (clients and the gateway read {@code error="invalid_token"}
 * from it); we only add the body. The detail stays generic: why a token failed is in the header's
 * {@code error_description} for the caller, and not worth more to an attacker than that.
 */
public final class ProblemDetailsAuthenticationEntryPoint implements AuthenticationEntryPoint {

    public static final String CODE = "unauthenticated";

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ProblemDetailsWriter writer;

    public ProblemDetailsAuthenticationEntryPoint(ProblemDetailsWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        bearer.commence(request, response, authException);
        writer.writeForCurrentStatus(CODE, "A valid bearer token is required.", request, response);
    }
}
