package dev.opsledger.gateway.audit;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.opsledger.contracts.audit.AuditQuery;
import dev.opsledger.gateway.audit.AuditAnswer.Missing;
import dev.opsledger.gateway.audit.AuditVerification.Asked;
import dev.opsledger.gateway.config.GatewayProperties;
import dev.opsledger.gateway.hardening.RequestIdWebFilter;
import dev.opsledger.gateway.problem.GatewayProblem;
import dev.opsledger.gateway.security.CallerTokens;

/**
 * {@code GET /api/audit}: one audit trail across every enabled service, and
 * {@code GET /api/audit/chain/{correlationId}}: one story as a tree by causation, and
 * {@code GET /api/audit/verify}: every service's hash chain checked. Role checks happen in the
 * security chains (auditor or admin); each service checks the relayed token again.
 */
@RestController
public class AuditController {

    public static final String LIMIT_OUT_OF_RANGE = "audit.limit-out-of-range";
    public static final String CURSOR_INVALID = "audit.cursor-invalid";
    public static final String TIME_INVALID = "audit.time-invalid";
    public static final String CHAIN_TOO_LONG = "audit.chain-too-long";
    /** A story longer than this is not a tree anyone reads; page through {@code /api/audit} instead. */
    static final int MAX_CHAIN_PAGES = 25;
    public static final String SERVICE_UNKNOWN = "audit.service-unknown";

    private final GatewayProperties properties;
    private final WebClient webClient;
    private final CallerTokens callerTokens;
    private final JsonMapper json;
    private final AuditMerger merger;

    public AuditController(GatewayProperties properties, WebClient.Builder webClients,
                           CallerTokens callerTokens, JsonMapper json) {
        this.properties = properties;
        this.webClient = webClients.build();
        this.callerTokens = callerTokens;
        this.json = json;
        this.merger = new AuditMerger(properties.audit().timeout());
    }

    @GetMapping("/api/audit")
    public Mono<AuditAnswer> audit(@RequestParam(required = false) String actor,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String aggregateId,
                                   @RequestParam(required = false) String aggregateType,
                                   @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String correlationId,
                                   @RequestParam(required = false) String service,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer limit,
                                   Authentication caller,
                                   ServerWebExchange exchange) {
        var query = new AuditQuery(actor, instant("from", from), instant("to", to),
                aggregateId, aggregateType, type, correlationId);
        int pageSize = pageSize(limit);
        MergedAuditPosition position = decode(cursor);
        String only = service(service);
        String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        return callerTokens.accessToken(caller, exchange)
                .map(token -> List.<AuditSource>copyOf(sources(token, requestId).stream()
                        .filter(source -> only == null || source.service().equals(only)).toList()))
                .flatMap(sources -> merger.page(sources, query, position, pageSize))
                .map(result -> new AuditAnswer(result.entries(),
                        result.exhausted() ? null : result.next().encode(json),
                        result.missing()));
    }

    /** The story of one correlation id across every service, as a tree by causation ({@link AuditChain}). */
    @GetMapping("/api/audit/chain/{correlationId}")
    public Mono<AuditChain> chain(@PathVariable String correlationId, Authentication caller,
                                  ServerWebExchange exchange) {
        var query = new AuditQuery(null, null, null, null, null, null, correlationId);
        int pageSize = properties.audit().maxLimit();
        String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        return callerTokens.accessToken(caller, exchange)
                .map(token -> List.<AuditSource>copyOf(sources(token, requestId)))
                .flatMap(sources -> merger.page(sources, query, MergedAuditPosition.START, pageSize)
                        .expand(result -> result.exhausted() || !result.missing().isEmpty() ? Mono.empty()
                                : merger.page(sources, query, result.next(), pageSize))
                        .take(MAX_CHAIN_PAGES + 1)
                        .collectList())
                .map(pages -> {
                    AuditMerger.Result last = pages.getLast();
                    if (pages.size() > MAX_CHAIN_PAGES && !last.exhausted()) {
                        throw new GatewayProblem(HttpStatus.UNPROCESSABLE_ENTITY, CHAIN_TOO_LONG, "More than "
                                + MAX_CHAIN_PAGES * pageSize + " entries share this correlation id; read them "
                                + "page by page from /api/audit?correlationId=");
                    }
                    return AuditChain.of(correlationId, pages.stream().flatMap(page -> page.entries().stream())
                            .toList(), last.missing());
                });
    }

    @GetMapping("/api/audit/verify")
    public Mono<AuditVerification> verify(Authentication caller, ServerWebExchange exchange) {
        String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        return callerTokens.accessToken(caller, exchange)
                .flatMapMany(token -> Flux.fromIterable(sources(token, requestId)))
                // Sequential: the answer lists services in the same (sorted) order every time.
                .flatMapSequential(source -> source.verify()
                        .timeout(properties.audit().timeout())
                        .map(chain -> Asked.answered(AuditVerification.of(source.service(), chain)))
                        .onErrorResume(error -> Mono.just(
                                Asked.unanswered(new Missing(source.service(), AuditMerger.describe(error))))))
                .collectList()
                .map(AuditVerification::of);
    }

    private List<WebClientAuditSource> sources(String accessToken, String requestId) {
        return properties.enabledServices().entrySet().stream()
                .map(service -> new WebClientAuditSource(service.getKey(),
                        auditUri(service.getValue()), webClient, accessToken, requestId))
                .toList();
    }

    private static URI auditUri(GatewayProperties.ServiceRoute service) {
        return UriComponentsBuilder.fromUri(service.uri()).path(service.auditPath()).build().toUri();
    }

    private int pageSize(Integer limit) {
        var audit = properties.audit();
        if (limit == null) {
            return Math.min(audit.defaultLimit(), audit.maxLimit());
        }
        if (limit < 1 || limit > audit.maxLimit()) {
            throw GatewayProblem.invalidParameter(LIMIT_OUT_OF_RANGE, "limit",
                    "limit must be between 1 and " + audit.maxLimit());
        }
        return limit;
    }

    /** One service's trail only (the portal's service filter); a service not switched on is a mistake, not an empty page. */
    private String service(String service) {
        if (service == null || service.isBlank()) {
            return null;
        }
        if (!properties.enabledServices().containsKey(service)) {
            throw GatewayProblem.invalidParameter(SERVICE_UNKNOWN, "service",
                    "service must be one of " + String.join(", ", properties.enabledServices().keySet()));
        }
        return service;
    }

    private MergedAuditPosition decode(String cursor) {
        try {
            return MergedAuditPosition.decode(cursor, json);
        } catch (IllegalArgumentException e) {
            throw GatewayProblem.invalidParameter(CURSOR_INVALID, "cursor", "cursor is not one this gateway issued");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw GatewayProblem.invalidParameter(TIME_INVALID, name,
                    name + " must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
        }
    }
}
