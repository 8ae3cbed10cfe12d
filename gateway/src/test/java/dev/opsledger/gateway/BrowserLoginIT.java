package dev.opsledger.gateway;

import static dev.opsledger.gateway.GatewayEdgeTest.assertProblem;
import static dev.opsledger.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.opsledger.gateway.support.GatewayClient;
import dev.opsledger.gateway.support.KeycloakLogin;

/** The browser (BFF) chain against real Keycloak: login, session, relay, CSRF, logout, and a live stream that ends with its session. */
class BrowserLoginIT extends KeycloakGatewayTestBase {

    @Test
    void givenKeycloakLoginForm_whenDev1LogsIn_thenSessionAndMeReturnsTheUser() {
        var trace = KeycloakLogin.login(browser, "dev1", "dev1-pw");

        assertThat(trace.keycloakAuthorize())
                .contains("/realms/opsledger/protocol/openid-connect/auth")
                .contains("code_challenge=").contains("code_challenge_method=S256");
        assertThat(browser.cookie("OPSLEDGER_SESSION")).isNotBlank();

        var me = browser.get("/api/me");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("name").asString()).isEqualTo("dev1");
        assertThat(json(me).get("subject").asString()).isNotBlank();
        assertThat(json(me).get("roles").toString()).contains("\"developer\"");
        assertThat(json(me).get("via").asString()).isEqualTo("session");
        assertThat(me.body()).doesNotContain("eyJ");
    }

    @Test
    void givenSession_whenServiceCalled_thenUsersTokenRelayedAndNoCookieForwarded() {
        KeycloakLogin.login(browser, "dev1", "dev1-pw");

        var response = browser.get("/api/releases/7");

        assertThat(response.statusCode()).isEqualTo(200);
        var seen = release.lastSeen();
        assertThat(seen.path()).isEqualTo("/releases/7");
        assertThat(seen.header("Authorization")).startsWith("Bearer ey");
        assertThat(seen.username()).isEqualTo("dev1");
        assertThat(seen.roles()).contains("developer");
        assertThat(seen.header("Cookie")).isNull();
        assertThat(response.body()).doesNotContain("Bearer");
    }

    @Test
    void givenSessionWithoutCsrfToken_whenPost_then403AndServiceNeverCalled() {
        KeycloakLogin.login(browser, "rm1", "rm1-pw");

        var response = browser.post("/api/releases", "application/json", "{\"version\":\"1.2.3\"}");

        assertProblem(response, 403);
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenSessionWithCsrfToken_whenPostByReleaseManager_thenReachesService() {
        KeycloakLogin.login(browser, "rm1", "rm1-pw");
        browser.get("/api/me");

        var response = postWithCsrf("/api/releases");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(release.lastSeen().method()).isEqualTo("POST");
        assertThat(release.lastSeen().username()).isEqualTo("rm1");
    }

    @Test
    void givenDeveloperSessionWithCsrfToken_whenPostNeedingReleaseManager_then403FromTheService() {
        KeycloakLogin.login(browser, "dev1", "dev1-pw");
        browser.get("/api/me");

        var response = postWithCsrf("/api/releases");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asString()).isEqualTo("dev1 lacks release-manager");
        assertThat(release.lastSeen().username()).isEqualTo("dev1");
    }

    @Test
    void givenSession_whenLogout_thenKeycloakSessionEndsToo() {
        KeycloakLogin.login(browser, "dev1", "dev1-pw");
        browser.get("/api/me");

        var logout = browser.post("/logout", "application/x-www-form-urlencoded", "",
                "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));

        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = logout.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).contains("/realms/opsledger/protocol/openid-connect/logout")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        var keycloakLogout = browser.get(endSession);
        assertThat(keycloakLogout.statusCode()).isEqualTo(302);
        assertThat(keycloakLogout.headers().firstValue("Location").orElseThrow()).startsWith(browser.baseUrl());

        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        // Keycloak shows its form again instead of silently logging the browser back in.
        var authorize = browser.get("/oauth2/authorization/keycloak");
        var loginPage = browser.get(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("kc-form-login");
    }

    @Test
    void givenALiveStreamOfASession_whenTheSessionLogsOut_thenTheGatewayEndsTheStream() {
        KeycloakLogin.login(browser, "dev1", "dev1-pw");
        List<String> lines = browser.openStream("/api/events");
        // Open, and kept open across heartbeats while the session lives.
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().filter(":heartbeat"::equals).count() >= 2);
        assertThat(lines.getFirst()).isEqualTo("status:200");
        assertThat(lines).doesNotContain(GatewayClient.STREAM_END);

        var logout = browser.post("/logout", "application/x-www-form-urlencoded", "",
                "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));

        assertThat(logout.statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.contains(GatewayClient.STREAM_END));
    }

    private HttpResponse<String> postWithCsrf(String path) {
        String csrf = browser.cookie("XSRF-TOKEN");
        assertThat(csrf).as("the gateway hands the SPA a CSRF cookie").isNotBlank();
        return browser.post(path, "application/json", "{\"version\":\"1.2.3\"}", "X-XSRF-TOKEN", csrf);
    }
}
