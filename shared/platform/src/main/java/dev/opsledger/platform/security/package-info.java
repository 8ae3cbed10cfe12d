/**
 * Every servlet service is a resource server for the Keycloak realm, with no wiring.
 *
 * <h2>What a service gets</h2>
 * <ul>
 *   <li>Bearer tokens checked for signature (realm JWKS), issuer
 *       ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, required), expiry with
 *       {@code opsledger.security.clock-skew} (default 30 s) and audience
 *       {@code opsledger.security.audience} (default {@code opsledger}).</li>
 *   <li>Realm roles as {@code ROLE_<role>}; principal name = {@code preferred_username}.
 *       Method security is on: {@code @PreAuthorize("hasRole('developer')")}.</li>
 *   <li>Stateless, no CSRF, no form login or basic auth.</li>
 *   <li>Open without a token: actuator {@code health}, {@code info}, {@code prometheus};
 *       {@code /v3/api-docs/**}, {@code /swagger-ui/**}. Everything else: authenticated.</li>
 *   <li>401 and 403 as RFC 9457 problem details ({@code code} {@code unauthenticated} /
 *       {@code forbidden}), with the RFC 6750 {@code WWW-Authenticate} header kept.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * Prometheus is open rather than token-protected: scrapers carry no Keycloak token, and services
 * are not reachable from outside — the gateway is the only public entry and routes no
 * {@code /actuator} path. Where a service port is exposed, move actuator to an internal
 * {@code management.server.port}; the matchers follow it.
 *
 * <p>Services add URL rules with an {@link dev.opsledger.platform.security.AuthorizationRulesCustomizer}
 * bean (inserted before the final "authenticated"), or a whole {@code SecurityFilterChain} with
 * a narrower {@code securityMatcher} ordered before
 * {@link dev.opsledger.platform.security.OpsLedgerSecurityAutoConfiguration#FILTER_CHAIN_ORDER}.
 * Defining a bean named {@code opsLedgerSecurityFilterChain} replaces the platform chain.
 */
package dev.opsledger.platform.security;
