package dev.opsledger.gateway.security;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.opsledger.gateway.problem.ProblemResponses;

/** 401 and 403 from either security chain, as problem details instead of empty bodies. */
@Component
public class ProblemSecurityHandlers {

    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String CSRF_INVALID = "csrf.invalid";

    private final ProblemResponses problems;

    public ProblemSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    /** For bearer calls: 401 with the RFC 6750 challenge, saying why the token was refused. */
    public ServerAuthenticationEntryPoint bearerEntryPoint() {
        return (exchange, error) -> unauthorized(exchange, error, bearerChallenge(error));
    }

    /** For the browser's XHR calls: 401, and the SPA sends the user to the login URL itself. */
    public ServerAuthenticationEntryPoint sessionEntryPoint(String loginUrl) {
        return (exchange, error) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED,
                "Not logged in.", headers -> { }, Map.of("login", loginUrl));
    }

    public ServerAccessDeniedHandler accessDenied() {
        return (exchange, denied) -> {
            if (denied instanceof CsrfException) {
                return problems.write(exchange, HttpStatus.FORBIDDEN, CSRF_INVALID,
                        "Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN.");
            }
            return problems.write(exchange, HttpStatus.FORBIDDEN, FORBIDDEN, "The caller lacks the role this request needs.");
        };
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException error, String challenge) {
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, describe(error),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge), Map.of());
    }

    private static String describe(AuthenticationException error) {
        if (error instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return oauth.getError().getDescription();
        }
        return "A valid bearer token is required.";
    }

    private static String bearerChallenge(AuthenticationException error) {
        if (error instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error oauthError = oauth.getError();
            String description = oauthError.getDescription() == null ? ""
                    : ", error_description=\"" + oauthError.getDescription().replaceAll("[\\p{Cntrl}\"]", "'") + "\"";
            return "Bearer error=\"" + oauthError.getErrorCode() + "\"" + description;
        }
        return "Bearer";
    }
}
