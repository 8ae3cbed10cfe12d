package dev.opsledger.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules, added to the platform chain after the platform's open paths and
 * before its final "everything else needs authentication". Declare it as a bean:
 *
 * <pre>{@code
 * @Bean
 * AuthorizationRulesCustomizer releaseRules() {
 *     return rules -> rules.requestMatchers(HttpMethod.GET, "/releases/public/**").permitAll();
 * }
 * }</pre>
 *
 * Prefer {@code @PreAuthorize} on controller methods for role checks: it sits next to the code
 * it protects. Rules here are for paths that differ in kind (open, or role-gated as a whole).
 */
@FunctionalInterface
public interface AuthorizationRulesCustomizer {

    void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
