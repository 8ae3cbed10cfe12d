package dev.opsledger.gateway.audit;

import dev.opsledger.contracts.audit.ChainVerification;
import dev.opsledger.contracts.audit.AuditPage;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import dev.opsledger.contracts.audit.AuditQuery;
import dev.opsledger.gateway.hardening.RequestIdWebFilter;

/** One service's {@code GET /audit} and {@code GET /audit/verify}, called with the caller's own access token. */
final class WebClientAuditSource implements AuditSource {

    private final String service;
    private final URI auditUri;
    private final WebClient webClient;
    private final String accessToken;
    private final String requestId;

    WebClientAuditSource(String service, URI auditUri, WebClient webClient, String accessToken, String requestId) {
        this.service = service;
        this.auditUri = auditUri;
        this.webClient = webClient;
        this.accessToken = accessToken;
        this.requestId = requestId;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public Mono<AuditPage> fetch(AuditQuery query, String cursor, int limit) {
        Map<String, Object> values = new LinkedHashMap<>(query.parameters());
        if (cursor != null) {
            values.put("cursor", cursor);
        }
        values.put("limit", limit);
        // Values go in as URI variables so encode() escapes them fully ('+', '&', '=' included).
        var uri = UriComponentsBuilder.fromUri(auditUri);
        values.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return webClient.get()
                .uri(uri.encode().buildAndExpand(values).toUri())
                .accept(MediaType.APPLICATION_JSON)
                .headers(this::authorize)
                .retrieve()
                .bodyToMono(AuditPage.class);
    }

    /** The service recomputes its own hash chain; the gateway only relays the verdict. */
    Mono<ChainVerification> verify() {
        return webClient.get()
                .uri(UriComponentsBuilder.fromUri(auditUri).path("/verify").build().toUri())
                .accept(MediaType.APPLICATION_JSON)
                .headers(this::authorize)
                .retrieve()
                .bodyToMono(ChainVerification.class);
    }

    private void authorize(HttpHeaders headers) {
        headers.setBearerAuth(accessToken);
        if (requestId != null) {
            headers.set(RequestIdWebFilter.HEADER, requestId);
        }
    }
}
