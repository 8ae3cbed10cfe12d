package dev.opsledger.gateway.report;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.opsledger.gateway.audit.AuditAnswer.Missing;
import dev.opsledger.gateway.audit.AuditMerger;
import dev.opsledger.gateway.config.GatewayProperties;
import dev.opsledger.gateway.hardening.RequestIdWebFilter;
import dev.opsledger.gateway.problem.GatewayProblem;
import dev.opsledger.gateway.security.CallerTokens;

/**
 * Builds the {@link DailyReport} by asking each enabled service, with the caller's token, what the
 * checklist needs. Every question is asked independently: one service down or refusing the caller
 * leaves its part empty and is named in {@code missing}. Reads only; nothing is cached.
 */
@RestController
public class DailyReportController {

    public static final String ZONE_INVALID = "daily-report.zone-invalid";
    /** One page of each list: enough for a day of a team's work; the report says when a page was full. */
    static final int PAGE = 200;

    private final GatewayProperties properties;
    private final WebClient webClient;
    private final CallerTokens callerTokens;
    private final Clock clock;

    public DailyReportController(GatewayProperties properties, WebClient.Builder webClients, CallerTokens callerTokens,
                                 Clock clock) {
        this.properties = properties;
        this.webClient = webClients.build();
        this.callerTokens = callerTokens;
        this.clock = clock;
    }

    @GetMapping("/api/daily-report")
    public Mono<DailyReport> report(@RequestParam(required = false) String zone, Authentication caller,
                                    ServerWebExchange exchange) {
        ZoneId zoneId = zone(zone);
        Instant now = clock.instant();
        String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        return callerTokens.accessToken(caller, exchange)
                .flatMap(token -> new Asking(token, requestId).report(now, zoneId));
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw GatewayProblem.invalidParameter(ZONE_INVALID, "zone", "zone must be a time zone id like Europe/Berlin");
        }
    }

    /** One report's questions, with the caller's token; missing answers collect in one list. */
    private final class Asking {

        private final String token;
        private final String requestId;
        private final List<Missing> missing = Collections.synchronizedList(new ArrayList<>());

        Asking(String token, String requestId) {
            this.token = token;
            this.requestId = requestId;
        }

        Mono<DailyReport> report(Instant now, ZoneId zone) {
            Mono<List<JsonNode>> ledger = ledger();
            Mono<JsonNode> sufficiency = ask("backup", "/backup-sufficiency");
            Mono<List<JsonNode>> grants = entries("access", "/grants?limit=" + PAGE);
            Mono<List<JsonNode>> runs = Flux.merge(entries("automation", "/task-runs?status=FAILED&limit=" + PAGE),
                            entries("automation", "/task-runs?status=TIMED_OUT&limit=" + PAGE),
                            entries("automation", "/task-runs?status=INTERRUPTED&limit=" + PAGE))
                    .flatMapIterable(list -> list).collectList();
            Mono<Map<String, List<JsonNode>>> pending = Flux.merge(
                            pending("promotion", "release", "/approvals/pending"),
                            pending("restore", "backup", "/restores/pending?limit=" + PAGE),
                            pending("access", "access", "/access-requests/pending?limit=" + PAGE),
                            pending("task-run", "automation", "/task-runs/pending"))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue);
            return Mono.zip(ledger, sufficiency.map(Optional::of).defaultIfEmpty(Optional.empty()),
                            grants, runs, pending)
                    .flatMap(all -> promotionsOf(all.getT1()).map(promotions -> DailyReports.build(now, zone,
                            all.getT1(), promotions, all.getT2().orElse(null), all.getT3(), all.getT4(), all.getT5(),
                            sortedMissing())));
        }

        private List<Missing> sortedMissing() {
            synchronized (missing) {
                return missing.stream().distinct()
                        .sorted(Comparator.comparing(Missing::service).thenComparing(Missing::reason)).toList();
            }
        }

        /** Every application's deployment ledger (newest first, one page each), the application's name added. */
        private Mono<List<JsonNode>> ledger() {
            return entries("release", "/applications?limit=" + PAGE)
                    .flatMapMany(Flux::fromIterable)
                    .flatMap(application -> entries("release", "/deployments?limit=" + PAGE + "&application="
                            + application.path("id").asString(""))
                            .flatMapIterable(list -> list)
                            .map(entry -> (JsonNode) ((ObjectNode) entry.deepCopy())
                                    .put("applicationName", application.path("name").asString(""))), 4)
                    .collectList();
        }

        /** The promotion behind each successful deployment, for its freeze override. */
        private Mono<Map<String, JsonNode>> promotionsOf(List<JsonNode> ledger) {
            return Flux.fromIterable(ledger)
                    .filter(entry -> entry.path("outcome").asString("").equals("DEPLOYED"))
                    .map(entry -> entry.path("promotionId").asString(""))
                    .filter(id -> !id.isBlank())
                    .distinct()
                    .flatMap(id -> ask("release", "/promotions/" + id).map(p -> Map.entry(id, p)), 4)
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
        }

        private Mono<Map.Entry<String, List<JsonNode>>> pending(String kind, String service, String path) {
            return entries(service, path).map(list -> Map.entry(kind, list));
        }

        /** A list endpoint's entries (a page, or a bare array); empty when the service didn't answer. */
        private Mono<List<JsonNode>> entries(String service, String path) {
            return ask(service, path).map(body -> {
                JsonNode list = body.isArray() ? body : body.path("entries");
                List<JsonNode> entries = new ArrayList<>();
                list.forEach(entries::add);
                return entries;
            }).defaultIfEmpty(List.of());
        }

        /** One GET to a service; an error becomes a missing entry and an empty answer. */
        private Mono<JsonNode> ask(String service, String path) {
            GatewayProperties.ServiceRoute route = properties.enabledServices().get(service);
            if (route == null) {
                return Mono.empty();
            }
            URI uri = UriComponentsBuilder.fromUri(route.uri()).path(path.split("\\?", 2)[0])
                    .query(path.contains("?") ? path.split("\\?", 2)[1] : null).build().toUri();
            return webClient.get().uri(uri)
                    .headers(headers -> {
                        headers.setBearerAuth(token);
                        if (requestId != null) {
                            headers.set(RequestIdWebFilter.HEADER, requestId);
                        }
                    })
                    .retrieve()
                    .bodyToMono(JsonNode.class)
                    .timeout(properties.audit().timeout())
                    .onErrorResume(error -> {
                        missing.add(new Missing(service, AuditMerger.describe(error)));
                        return Mono.empty();
                    });
        }
    }
}
