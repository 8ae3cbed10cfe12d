package dev.opsledger.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the gateway reads under {@code opsledger.gateway}. Spring's own keys (Keycloak
 * client registration, issuer, session cookie) stay under their standard names.
 */
@Validated
@ConfigurationProperties("opsledger.gateway")
public record GatewayProperties(
        @Valid Map<String, ServiceRoute> services,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @Valid @NotNull @DefaultValue Audit audit,
        @Valid @NotNull @DefaultValue Hardening hardening,
        @Valid @NotNull @DefaultValue Live live) {

    /** First path segments under {@code /api/} the gateway answers itself ({@code /api/me}, {@code /api/audit/**}). */
    public static final Set<String> GATEWAY_SEGMENTS = Set.of("me", "audit");

    public GatewayProperties {
        // Sorted so route order, audit fan-out and the combined audit cursor are deterministic.
        services = services == null ? Map.of() : new TreeMap<>(services);
        Set<String> names = services.keySet();
        services.forEach((name, route) -> route.paths().forEach(path -> {
            String segment = path.substring("/api/".length()).split("/", 2)[0];
            if (GATEWAY_SEGMENTS.contains(segment) || names.contains(segment)) {
                // /api/<service>/… holds each service's OpenAPI document; me and audit are the gateway's own.
                throw new IllegalArgumentException("service " + name + ": public path " + path
                        + " collides with a path the gateway answers itself");
            }
        }));
    }

    /** Where the gateway serves a service's OpenAPI document. */
    public static String openApiPath(String service) {
        return "/api/" + service + "/v3/api-docs";
    }

    /** The services that are switched on, by name. */
    public Map<String, ServiceRoute> enabledServices() {
        var enabled = new TreeMap<String, ServiceRoute>();
        services.forEach((name, route) -> {
            if (route.enabled()) {
                enabled.put(name, route);
            }
        });
        return enabled;
    }

    /**
     * One backend service. Public paths are {@code /api/<x>/**}; the service sees them without
     * the {@code /api} prefix (one path segment stripped).
     */
    public record ServiceRoute(
            @DefaultValue("false") boolean enabled,
            URI uri,
            @DefaultValue List<@NotBlank String> paths,
            @DefaultValue("/audit") String auditPath,
            /** Realm roles that may see this service's live events in the portal (its read roles); none: nobody. */
            @DefaultValue List<@NotBlank String> readers) {

        public ServiceRoute {
            paths = List.copyOf(paths);
            readers = List.copyOf(readers);
            if (enabled && (uri == null || paths.isEmpty())) {
                throw new IllegalArgumentException("an enabled service needs a uri and at least one path");
            }
            for (String path : paths) {
                if (!path.startsWith("/api/")) {
                    throw new IllegalArgumentException("public paths start with /api/: " + path);
                }
            }
        }
    }

    public record Security(
            /** Registration id of the Keycloak client under spring.security.oauth2.client.registration. */
            @DefaultValue("keycloak") @NotBlank String registrationId,
            /** Every token must name this audience (Keycloak adds it with an audience mapper). */
            @DefaultValue("opsledger") @NotBlank String audience,
            /** Tolerance for clock drift between Keycloak and the gateway when checking exp/nbf. */
            @DefaultValue("30s") @NotNull Duration clockSkew,
            /** Where Keycloak sends the browser after logout; {baseUrl} is the gateway's own URL. */
            @DefaultValue("{baseUrl}/") @NotBlank String postLogoutRedirectUri,
            @DefaultValue("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'")
            @NotBlank String contentSecurityPolicy,
            @DefaultValue("365d") @NotNull Duration hstsMaxAge) {
    }

    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            /** Burst size: requests a caller may make at once. */
            @DefaultValue("100") @Min(1) int capacity,
            /** Sustained rate: tokens put back per second. */
            @DefaultValue("20") @Min(1) int refillPerSecond,
            /** Above this many remembered callers, idle (full) buckets are forgotten. */
            @DefaultValue("100000") @Min(100) int maxTrackedCallers) {
    }

    public record Audit(
            @DefaultValue("50") @Min(1) int defaultLimit,
            @DefaultValue("200") @Min(1) @Max(1000) int maxLimit,
            /** Per-service answer time; a slower service is reported as missing. */
            @DefaultValue("5s") @NotNull Duration timeout) {
    }

    /** Server-sent events for the portal ({@code /api/events}), fed from the services' Kafka topics. */
    public record Live(
            /** Kafka's bootstrap servers; blank: no live updates ({@code /api/events} answers 503). */
            @DefaultValue("") String bootstrapServers,
            /** A comment this often keeps idle streams open through proxies. */
            @DefaultValue("15s") @NotNull Duration heartbeat) {
    }

    public record Hardening(
            @DefaultValue("1MB") @NotNull DataSize maxRequestSize,
            /**
             * Inbound headers nobody outside may set: they would let a caller pose as a proxy or
             * as another user. A trailing {@code *} matches a prefix.
             */
            @DefaultValue({"Forwarded", "X-Forwarded-*", "X-Real-IP", "X-Original-Forwarded-For",
                    "True-Client-IP", "CF-Connecting-IP", "X-Client-IP", "X-User-*", "X-Auth-*",
                    "X-Remote-User", "X-Actor-*", "X-Opsledger-*"})
            List<String> untrustedHeaders,
            /** Whether a client-sent X-Request-Id that is a safe token is kept (else always new). */
            @DefaultValue("true") boolean acceptClientRequestId) {

        public Hardening {
            untrustedHeaders = List.copyOf(untrustedHeaders);
        }
    }
}
