package dev.opsledger.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import dev.opsledger.gateway.config.GatewayProperties;

/**
 * Builds one route per enabled service from {@code opsledger.gateway.services}: the config is
 * the single source of the public-path → service mapping, and a service slot is switched on by
 * setting {@code enabled: true} and its URI, with no code change.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutesConfiguration {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.enabledServices().forEach((name, service) -> routes.route(name, route -> route
                .path(service.paths().toArray(String[]::new))
                .filters(filters -> filters
                        // /api/releases/42 → /releases/42: services own their paths without /api.
                        .stripPrefix(1)
                        // Browser sessions: swap the session for the user's access token.
                        // Bearer calls: the caller's token goes on untouched.
                        .tokenRelay()
                        // The session and XSRF cookies are the gateway's business only.
                        .removeRequestHeader(HttpHeaders.COOKIE))
                .uri(service.uri())));
        return routes.build();
    }
}
