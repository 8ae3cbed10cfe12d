package dev.opsledger.gateway.problem;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import reactor.core.publisher.Mono;

/**
 * Turns every exception that escapes a route, a filter or a controller into a problem detail
 * with a stable {@code code}. Ordered before Boot's default handler, which would answer with
 * its own JSON shape.
 */
@Component
@Order(-2)
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    public static final String NOT_FOUND = "not-found";
    public static final String SERVICE_UNAVAILABLE = "service.unavailable";
    public static final String SERVICE_UNREACHABLE = "service.unreachable";
    public static final String SERVICE_TIMEOUT = "service.timeout";
    public static final String INTERNAL_ERROR = "internal-error";

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemErrorWebExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Answer answer = answerFor(error);
        if (answer.status().is5xxServerError()) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), answer.status().value(), error.toString());
        }
        return problems.write(exchange, answer.status(), answer.code(), answer.detail(), headers -> { },
                answer.field() == null ? Map.of() : Map.of("field", answer.field()));
    }

    private record Answer(HttpStatusCode status, String code, String detail, String field) {
        Answer(HttpStatusCode status, String code, String detail) {
            this(status, code, detail, null);
        }
    }

    private static Answer answerFor(Throwable error) {
        if (error instanceof GatewayProblem problem) {
            return new Answer(problem.getStatusCode(), problem.code(), problem.getReason(), problem.field());
        }
        if (error instanceof NoResourceFoundException) {
            // Spring's own text ("No static resource api/…") names an implementation detail.
            return new Answer(HttpStatus.NOT_FOUND, NOT_FOUND, "Nothing is served at this path.");
        }
        if (error instanceof ResponseStatusException rse) {
            if (rse.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                return new Answer(rse.getStatusCode(), SERVICE_UNAVAILABLE, "The service behind this path is not available.");
            }
            return new Answer(rse.getStatusCode(), codeForStatus(rse.getStatusCode()), rse.getReason());
        }
        if (hasCause(error, ConnectException.class)) {
            return new Answer(HttpStatus.BAD_GATEWAY, SERVICE_UNREACHABLE, "The service behind this path could not be reached.");
        }
        if (hasCause(error, TimeoutException.class)) {
            return new Answer(HttpStatus.GATEWAY_TIMEOUT, SERVICE_TIMEOUT, "The service behind this path did not answer in time.");
        }
        return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, "Unexpected error in the gateway.");
    }

    /** Spring's own refusals (405, 406, 415 …): the status name is the code, as in the services. */
    static String codeForStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
