package dev.opsledger.gateway.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A refusal the gateway raises itself, with the stable {@code code} a client can act on. The
 * code is a constant next to the rule that raises it.
 */
public class GatewayProblem extends ResponseStatusException {

    private final String code;

    public GatewayProblem(HttpStatusCode status, String code, String detail) {
        super(status, detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
