package dev.opsledger.platform.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.opsledger.platform.error.OpsLedgerErrorAutoConfiguration;
import dev.opsledger.platform.web.OpsLedgerWebAutoConfiguration;
import dev.opsledger.platform.web.RequestIdFilter;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.WithLocalJwtIssuer;

/**
 * The platform's token checks against the testkit's local issuer, which can sign anything:
 * expired, foreign issuer, foreign key, unsigned, wrong audience, and times around the clock skew.
 * The same rules against real Keycloak tokens are in {@code KeycloakResourceServerIT}.
 */
@WebMvcTest
@WithLocalJwtIssuer
@ContextConfiguration(classes = ResourceServerSecurityTest.TestApp.class)
@ImportAutoConfiguration({OpsLedgerWebAutoConfiguration.class, OpsLedgerErrorAutoConfiguration.class,
        OpsLedgerSecurityAutoConfiguration.class})
class ResourceServerSecurityTest {

    @Autowired
    MockMvc mvc;

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();

    @Test
    void givenNoToken_whenProtectedEndpointCalled_then401ProblemWithBearerChallenge() throws Exception {
        mvc.perform(get("/me").header(RequestIdFilter.HEADER, "r-401"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("unauthenticated"))
                .andExpect(jsonPath("$.instance").value("/me"))
                .andExpect(jsonPath("$.requestId").value("r-401"));
    }

    @Test
    void givenValidToken_whenCalled_thenPrincipalIsPreferredUsernameWithRealmRoles() throws Exception {
        mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, issuer.bearer("dev1", Set.of("developer"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("dev1"))
                .andExpect(jsonPath("$.authorities[0]").value("ROLE_developer"));
    }

    @Test
    void givenRequiredRole_whenMethodSecuredEndpointCalled_thenAllowed() throws Exception {
        mvc.perform(get("/developers-only").header(HttpHeaders.AUTHORIZATION, issuer.bearer("dev1", Set.of("developer"))))
                .andExpect(status().isOk());
    }

    @Test
    void givenValidTokenWithoutRequiredRole_whenMethodSecuredEndpointCalled_then403Problem() throws Exception {
        mvc.perform(get("/developers-only").header(HttpHeaders.AUTHORIZATION, issuer.bearer("audit1", Set.of("auditor"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.code").value("forbidden"))
                .andExpect(jsonPath("$.instance").value("/developers-only"))
                .andExpect(jsonPath("$.requestId").value(notNullValue()));
    }

    @Test
    void givenExpiredToken_whenCalled_then401Problem() throws Exception {
        expectUnauthorized(issuer.expiredToken("dev1", Set.of("developer")))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
    }

    @Test
    void givenTokenOfAnotherIssuer_whenCalled_then401Problem() throws Exception {
        expectUnauthorized(issuer.tokenWithWrongIssuer("dev1", Set.of("developer")));
    }

    @Test
    void givenTokenSignedWithAnotherKey_whenCalled_then401Problem() throws Exception {
        expectUnauthorized(issuer.tokenSignedWithOtherKey("dev1", Set.of("developer")));
    }

    @Test
    void givenUnsignedAlgNoneToken_whenCalled_then401Problem() throws Exception {
        expectUnauthorized(issuer.unsignedToken("dev1", Set.of("developer")));
    }

    @Test
    void givenTokenForAnotherAudience_whenCalled_then401Problem() throws Exception {
        expectUnauthorized(issuer.token(claims -> claims.audience("account")
                .claim("realm_access", Map.of("roles", List.of("developer")))));
    }

    @Test
    void givenTokenExpiredWithinTheClockSkew_whenCalled_thenStillAccepted() throws Exception {
        String token = expiredSecondsAgo(10);

        mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void givenTokenExpiredBeyondOur30sSkewButWithinSpringsDefault60s_whenCalled_then401() throws Exception {
        expectUnauthorized(expiredSecondsAgo(45));
    }

    @Test
    void givenServiceRule_whenItsPathIsCalledWithoutToken_thenTheCustomizerOpenedIt() throws Exception {
        mvc.perform(get("/public/ping")).andExpect(status().isOk());
    }

    @Test
    void givenApiDocsPath_whenCalledWithoutToken_thenNotChallenged() throws Exception {
        // springdoc is not loaded in this slice: 404 proves the path passed security.
        mvc.perform(get("/v3/api-docs")).andExpect(status().isNotFound());
    }

    private String expiredSecondsAgo(long seconds) {
        Instant now = Instant.now();
        return issuer.token(claims -> claims
                .issueTime(Date.from(now.minusSeconds(300)))
                .notBeforeTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(seconds))));
    }

    private ResultActions expectUnauthorized(String token) throws Exception {
        return mvc.perform(get("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthenticated"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")));
    }

    @Configuration(proxyBeanMethods = false)
    @Import({SecuredTestController.class, PublicController.class})
    static class TestApp {

        @Bean
        AuthorizationRulesCustomizer publicPing() {
            return rules -> rules.requestMatchers("/public/**").permitAll();
        }
    }

    @RestController
    static class PublicController {

        @GetMapping("/public/ping")
        String ping() {
            return "pong";
        }
    }
}
