package dev.opsledger.gateway.problem;

import java.net.ConnectException;
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
import reactor.core.publisher.Mono;

/**
 * Turns every exception that escapes a route, a filter or a controller into a problem detail.
 * Ordered before Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

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
        HttpStatusCode status;
        String detail;
        if (error instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
            detail = rse.getReason();
            if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                detail = "The service behind this path is not available.";
            }
        } else if (hasCause(error, ConnectException.class)) {
            status = HttpStatus.BAD_GATEWAY;
            detail = "The service behind this path could not be reached.";
        } else if (hasCause(error, TimeoutException.class)) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            detail = "The service behind this path did not answer in time.";
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "Unexpected error in the gateway.";
        }
        if (status.is5xxServerError()) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), status.value(), error.toString());
        }
        return problems.write(exchange, status, detail);
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
