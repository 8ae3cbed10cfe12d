package dev.opsledger.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.opsledger.gateway.config.GatewayProperties;
import dev.opsledger.gateway.config.GatewayProperties.ServiceRoute;

/**
 * Builds the routes of every enabled service from {@code opsledger.gateway.services}: the config
 * is the single source of the public-path → service mapping, and a service slot is switched on by
 * setting {@code enabled: true} and its URI, with no code change. Each service gets two routes:
 * its public paths, and its OpenAPI document at {@link GatewayProperties#openApiPath(String)}.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutesConfiguration {

    /** What every route strips on the way in (one segment) and {@link PublicLocationFilter} restores. */
    public static final String PUBLIC_PREFIX = "/api";
    static final String SERVICE_OPENAPI_PATH = "/v3/api-docs";

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties, JsonMapper json) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        var openApi = new PublicOpenApiServers(PUBLIC_PREFIX, json);
        properties.enabledServices().forEach((name, service) -> routes
                .route(name, route -> route
                        .path(service.paths().toArray(String[]::new))
                        .filters(filters -> relayed(filters, service)
                                // /api/releases/42 → /releases/42: services own their paths without /api.
                                .stripPrefix(1))
                        .uri(service.uri()))
                .route(name + "-openapi", route -> route
                        .path(GatewayProperties.openApiPath(name))
                        .filters(filters -> relayed(filters, service)
                                .setPath(SERVICE_OPENAPI_PATH)
                                // The document names the service's own address as its server; "try it
                                // out" in the Swagger UI must go through the gateway instead.
                                .modifyResponseBody(String.class, String.class,
                                        (exchange, body) -> Mono.justOrEmpty(openApi.rewrite(exchange, body))))
                        .uri(service.uri())));
        return routes.build();
    }

    private static GatewayFilterSpec relayed(GatewayFilterSpec filters, ServiceRoute service) {
        return filters
                // Browser sessions: swap the session for the user's access token.
                // Bearer calls: the caller's token goes on untouched.
                .tokenRelay()
                // The session and XSRF cookies are the gateway's business only.
                .removeRequestHeader(HttpHeaders.COOKIE)
                .filter(new PublicLocationFilter(PUBLIC_PREFIX, service.uri()));
    }
}
