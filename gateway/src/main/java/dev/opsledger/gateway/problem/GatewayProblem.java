package dev.opsledger.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A refusal the gateway raises itself, with the stable {@code code} a client can act on. The
 * code is a constant next to the rule that raises it.
 */
public class GatewayProblem extends ResponseStatusException {

    private final String code;
    private final String field;

    public GatewayProblem(HttpStatusCode status, String code, String detail) {
        this(status, code, null, detail);
    }

    private GatewayProblem(HttpStatusCode status, String code, String field, String detail) {
        super(status, detail);
        this.code = code;
        this.field = field;
    }

    /** A 400 about one query parameter: the answer names it in {@code field}, as the services' problems do. */
    public static GatewayProblem invalidParameter(String code, String field, String detail) {
        return new GatewayProblem(HttpStatus.BAD_REQUEST, code, field, detail);
    }

    public String code() {
        return code;
    }

    /** The parameter the problem is about, or {@code null}. */
    public String field() {
        return field;
    }
}
