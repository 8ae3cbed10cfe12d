package dev.opsledger.gateway.hardening;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.opsledger.gateway.problem.ProblemResponses;

/**
 * Spring Security's firewall refuses paths with an encoded {@code /}, {@code ;}, {@code %00},
 * {@code %25} and the like before any filter chain runs, and by default answers an empty 400.
 * Spring Security picks this bean up in place of that default, so the refusal is a problem too.
 */
@Component
public class FirewallRejectionProblems implements ServerExchangeRejectedHandler {

    public static final String REQUEST_REJECTED = "request.rejected";

    private final ProblemResponses problems;

    public FirewallRejectionProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, REQUEST_REJECTED,
                "The request was refused: its path, a header or a parameter holds characters that are not allowed "
                        + "(an encoded '/', '%' or NUL, a ';', a control character).");
    }
}
