package dev.opsledger.gateway.security;

import dev.opsledger.platform.core.security.KeycloakRealmRoles;
import java.util.List;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.HeaderSpec;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import dev.opsledger.gateway.config.GatewayProperties;

/**
 * Two filter chains. API clients that send {@code Authorization: Bearer} get a stateless
 * resource server: no session, no CSRF (a browser can't attach that header cross-site), the
 * token passed to the services as it came. Everything else is the browser: OIDC login with
 * PKCE, a server-side session, CSRF on state changes, and tokens that never leave the gateway.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String LOGIN_PATH = "/oauth2/authorization/";
    /** Realm roles that may read the merged audit trail and verify the chains (the realm file must define them). */
    public static final List<String> AUDIT_READERS = List.of("auditor", "admin");

    /** Bearer tokens checked for signature, issuer, expiry (with skew) and our audience. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, GatewayProperties properties) {
        String issuer = resourceServer.getJwt().getIssuerUri();
        Assert.hasText(issuer, "spring.security.oauth2.resourceserver.jwt.issuer-uri must be set");
        String jwkSetUri = resourceServer.getJwt().getJwkSetUri();
        // Keycloak signs with RS256 by default; listing it refuses every other alg, "none" included.
        NimbusReactiveJwtDecoder decoder = StringUtils.hasText(jwkSetUri)
                ? NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                // Discovery is lazy here: the gateway starts even while Keycloak is still booting.
                : NimbusReactiveJwtDecoder.withIssuerLocation(issuer).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(tokenValidator(issuer, properties.security()));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> tokenValidator(String issuer, GatewayProperties.Security security) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(security.clockSkew()),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(security.audience())));
    }

    /** Tokens live in the user's WebSession: gone with logout or session expiry, never shared. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by TokenRelay and the audit fan-out; refreshes an expired access token. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients) {
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(ReactiveJwtDecoder jwtDecoder) {
        return new KeycloakOidcUserService(jwtDecoder);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain bearerChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                       ProblemSecurityHandlers handlers, GatewayProperties properties) {
        var authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoles());
        authentication.setPrincipalClaimName("preferred_username");
        return http
                .securityMatcher(bearerRequests())
                .authorizeExchange(SecurityConfiguration::rules)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authentication)))
                        .authenticationEntryPoint(handlers.bearerEntryPoint())
                        .accessDeniedHandler(handlers.accessDenied()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers.bearerEntryPoint())
                        .accessDeniedHandler(handlers.accessDenied()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> securityHeaders(headers, properties.security()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browserChain(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                        ProblemSecurityHandlers handlers, GatewayProperties properties) {
        String loginUrl = LOGIN_PATH + properties.security().registrationId();

        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // PKCE also for our confidential client: a stolen code is useless without the verifier.
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri(properties.security().postLogoutRedirectUri());

        // HttpOnly off on purpose: the SPA must read the token to echo it in X-XSRF-TOKEN.
        var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));

        return http
                .authorizeExchange(SecurityConfiguration::rules)
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests))
                .oauth2Client(client -> { })
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers.sessionEntryPoint(loginUrl))
                        .accessDeniedHandler(handlers.accessDenied()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .accessDeniedHandler(handlers.accessDenied()))
                .addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF)
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers -> securityHeaders(headers, properties.security()))
                .build();
    }

    /** The same authorization rules for both chains; services check roles again themselves. */
    private static void rules(AuthorizeExchangeSpec exchanges) {
        exchanges
                .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .pathMatchers("/actuator/**").denyAll()
                .pathMatchers("/api/audit", "/api/audit/**").hasAnyRole(AUDIT_READERS.toArray(String[]::new))
                .pathMatchers("/api/**").authenticated()
                // Login endpoints, logout and (later) the portal's static files.
                .anyExchange().permitAll();
    }

    private static void securityHeaders(HeaderSpec headers, GatewayProperties.Security security) {
        headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(security.contentSecurityPolicy()))
                .frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // Spring only writes HSTS on https requests, so plain-http local runs don't get it.
                .hsts(hsts -> hsts.maxAge(security.hstsMaxAge()).includeSubdomains(true));
    }

    /** Requests that carry a bearer token, whatever cookies they also carry. */
    static ServerWebExchangeMatcher bearerRequests() {
        return exchange -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            return bearer ? MatchResult.match() : MatchResult.notMatch();
        };
    }
}
