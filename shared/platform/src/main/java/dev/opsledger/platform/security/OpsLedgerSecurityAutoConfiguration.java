package dev.opsledger.platform.security;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

import dev.opsledger.platform.error.ProblemDetailsWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service is an OAuth2 resource server for the Keycloak realm: bearer tokens only,
 * no session, no CSRF (no cookies to forge requests with), realm roles as {@code ROLE_<role>},
 * method security on. Open without a token: actuator {@code health}, {@code info} and
 * {@code prometheus}, and the OpenAPI document and UI. Everything else needs a valid token.
 *
 * <p>Prometheus is open because scrapers carry no Keycloak token. That is safe because services
 * are not public: only the gateway is, and it routes no {@code /actuator} path. A deployment
 * that exposes services directly sets {@code management.server.port} to an internal port.
 */
@AutoConfiguration(before = {
        OAuth2ResourceServerAutoConfiguration.class,
        OAuth2ResourceServerWebSecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({OpsLedgerSecurityProperties.class, OAuth2ResourceServerProperties.class})
@EnableWebSecurity
@EnableMethodSecurity
public class OpsLedgerSecurityAutoConfiguration {

    /**
     * Late, so a service's own chain for a narrower {@code securityMatcher} (ordered before this)
     * takes its paths and this one keeps the rest.
     */
    public static final int FILTER_CHAIN_ORDER = 100;

    /** Paths of the OpenAPI document and UI (springdoc defaults). */
    public static final String[] API_DOCS_PATHS = {
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, OpsLedgerSecurityProperties properties) {
        String issuer = resourceServer.getJwt().getIssuerUri();
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("OpsLedger services validate Keycloak tokens: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (e.g. http://localhost:8180/realms/opsledger)");
        }
        String jwkSetUri = resourceServer.getJwt().getJwkSetUri();
        // Lazy: a service must start while Keycloak is still booting; the keys are fetched on the
        // first request. The issuer is validated either way, also when keys come from jwk-set-uri.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (StringUtils.hasText(jwkSetUri)
                    ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                    : NimbusJwtDecoder.withIssuerLocation(issuer)).build();
            decoder.setJwtValidator(OpsLedgerJwtValidators.create(issuer, properties));
            return decoder;
        });
    }

    @Bean
    @ConditionalOnMissingBean
    KeycloakJwtAuthenticationConverter keycloakJwtAuthenticationConverter() {
        return new KeycloakJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsWriter problemDetailsWriter(ObjectProvider<JsonMapper> jsonMapper) {
        return new ProblemDetailsWriter(jsonMapper.getIfAvailable(JsonMapper::shared));
    }

    @Bean
    @Order(OpsLedgerSecurityAutoConfiguration.FILTER_CHAIN_ORDER)
    @ConditionalOnMissingBean(name = "opsLedgerSecurityFilterChain")
    SecurityFilterChain opsLedgerSecurityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder,
            KeycloakJwtAuthenticationConverter authenticationConverter, ProblemDetailsWriter writer,
            ObjectProvider<AuthorizationRulesCustomizer> customizers) throws Exception {
        ProblemDetailsAuthenticationEntryPoint entryPoint = new ProblemDetailsAuthenticationEntryPoint(writer);
        ProblemDetailsAccessDeniedHandler accessDenied = new ProblemDetailsAccessDeniedHandler(writer);
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll();
                    rules.requestMatchers(API_DOCS_PATHS).permitAll();
                    customizers.orderedStream().forEach(customizer -> customizer.customize(rules));
                    rules.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(authenticationConverter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        return http.build();
    }
}
