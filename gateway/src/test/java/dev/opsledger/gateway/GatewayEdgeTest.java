package dev.opsledger.gateway;

import static dev.opsledger.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import dev.opsledger.gateway.hardening.CodecRefusalProblems;
import dev.opsledger.gateway.hardening.FirewallRejectionProblems;
import dev.opsledger.gateway.problem.ProblemErrorWebExceptionHandler;
import dev.opsledger.gateway.support.GatewayClient;
import dev.opsledger.gateway.support.StandInService;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.WithLocalJwtIssuer;

/**
 * The gateway's edge behaviour with locally signed tokens (same decoder as with Keycloak):
 * token checks, relaying, header hygiene, size limit and problem details.
 */
@WithLocalJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.keycloak.client-secret=test-only-secret",
        "opsledger.gateway.hardening.max-request-size=1KB",
        "opsledger.gateway.services.backup.enabled=true",
        // Nothing listens on port 9: a service that is down.
        "opsledger.gateway.services.backup.uri=http://127.0.0.1:9"})
class GatewayEdgeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final StandInService release = StandInService.start("release");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("opsledger.gateway.services.release.uri", () -> release.uri().toString());
    }

    @AfterAll
    static void stop() {
        release.close();
    }

    @LocalServerPort
    int port;

    GatewayClient client;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(port);
        release.reset();
    }

    @Test
    void givenBrowserWithoutSession_whenRoot_thenLandingPageWithSignInLink() {
        var response = client.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("OpsLedger", "href=\"/oauth2/authorization/keycloak\"");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void givenNoKafkaConfigured_whenLiveEventsRequested_then503ProblemInsteadOfASilentStream(LocalJwtIssuer issuer) {
        var response = client.get("/api/events", "Authorization", issuer.bearer("dev1", Set.of("developer")),
                "Accept", "text/event-stream");

        assertProblem(response, 503);
        assertThat(json(response).get("code").asString()).isEqualTo("live.unavailable");
    }

    @Test
    void givenValidBearer_whenMe_thenNameSubjectAndRoles(LocalJwtIssuer issuer) {
        var response = client.get("/api/me", "Authorization", issuer.bearer("dev1", Set.of("developer")));

        assertThat(response.statusCode()).isEqualTo(200);
        var me = json(response);
        assertThat(me.get("name").asString()).isEqualTo("dev1");
        assertThat(me.get("subject").asString()).isEqualTo(LocalJwtIssuer.subjectOf("dev1"));
        assertThat(me.get("roles").toString()).isEqualTo("[\"developer\"]");
        assertThat(me.get("via").asString()).isEqualTo("bearer");
    }

    @Test
    void givenExpiredToken_whenCalled_then401Problem(LocalJwtIssuer issuer) {
        assertUnauthorized(issuer.expiredToken("dev1", Set.of("developer")));
    }

    @Test
    void givenTokenSignedWithOtherKey_whenCalled_then401Problem(LocalJwtIssuer issuer) {
        assertUnauthorized(issuer.tokenSignedWithOtherKey("dev1", Set.of("developer")));
    }

    @Test
    void givenTokenOfOtherIssuer_whenCalled_then401Problem(LocalJwtIssuer issuer) {
        assertUnauthorized(issuer.tokenWithWrongIssuer("dev1", Set.of("developer")));
    }

    @Test
    void givenUnsignedAlgNoneToken_whenCalled_then401Problem(LocalJwtIssuer issuer) {
        assertUnauthorized(issuer.unsignedToken("dev1", Set.of("developer")));
    }

    @Test
    void givenTokenForOtherAudience_whenCalled_then401Problem(LocalJwtIssuer issuer) {
        assertUnauthorized(issuer.token(claims -> claims.audience("someone-else")
                .claim("preferred_username", "dev1")));
    }

    @Test
    void givenNoCredentials_whenApiCalled_then401ProblemNamingTheLoginUrl() {
        var response = client.get("/api/releases");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("login").asString()).isEqualTo("/oauth2/authorization/keycloak");
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenBearer_whenServicePathCalled_thenPrefixStrippedAndTokenRelayedAsIs(LocalJwtIssuer issuer) {
        String bearer = issuer.bearer("dev1", Set.of("developer"));

        var response = client.get("/api/releases/42?view=full", "Authorization", bearer);

        assertThat(response.statusCode()).isEqualTo(200);
        var seen = release.lastSeen();
        assertThat(seen.path()).isEqualTo("/releases/42");
        assertThat(seen.query()).isEqualTo("view=full");
        assertThat(seen.header("Authorization")).isEqualTo(bearer);
        assertThat(seen.username()).isEqualTo("dev1");
    }

    @Test
    void givenSpoofedIdentityAndProxyHeaders_whenRelayed_thenDroppedBeforeTheService(LocalJwtIssuer issuer) {
        client.get("/api/releases", "Authorization", issuer.bearer("dev1", Set.of("developer")),
                "X-User-Id", "admin1", "X-Forwarded-For", "10.9.9.9", "X-Forwarded-Host", "evil.example",
                "Forwarded", "for=10.9.9.9", "X-Real-IP", "10.9.9.9", "X-Auth-Roles", "admin",
                "Cookie", "OPSLEDGER_SESSION=abc");

        var seen = release.lastSeen();
        assertThat(seen.header("X-User-Id")).isNull();
        assertThat(seen.header("X-Auth-Roles")).isNull();
        assertThat(seen.header("X-Real-IP")).isNull();
        assertThat(seen.header("Forwarded")).isNull();
        assertThat(seen.header("Cookie")).isNull();
        // Spring Cloud Gateway adds forwarding headers only for configured trusted proxies (none).
        assertThat(seen.header("X-Forwarded-For")).isNull();
        assertThat(seen.header("X-Forwarded-Host")).isNull();
    }

    @Test
    void givenSafeClientRequestId_whenRelayed_thenSameIdDownstreamAndInResponse(LocalJwtIssuer issuer) {
        var response = client.get("/api/releases", "Authorization", issuer.bearer("dev1", Set.of("developer")),
                "X-Request-Id", "cli-run.42_a");

        assertThat(response.headers().allValues("X-Request-Id"))
                .as("one id, though the service echoes it too").containsExactly("cli-run.42_a");
        assertThat(release.lastSeen().header("X-Request-Id")).isEqualTo("cli-run.42_a");
    }

    @Test
    void givenUnsafeClientRequestId_whenRelayed_thenReplacedByGeneratedId(LocalJwtIssuer issuer) {
        var response = client.get("/api/releases", "Authorization", issuer.bearer("dev1", Set.of("developer")),
                "X-Request-Id", "bad id;with=chars");

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(release.lastSeen().header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void givenAnyResponse_whenReturned_thenSecurityHeadersWithoutHstsOnPlainHttp(LocalJwtIssuer issuer) {
        var response = client.get("/api/me", "Authorization", issuer.bearer("dev1", Set.of("developer")));

        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void givenBodyAboveLimit_whenPosted_then413Problem(LocalJwtIssuer issuer) {
        var response = client.post("/api/releases", "application/json", "{\"notes\":\"" + "x".repeat(2000) + "\"}",
                "Authorization", issuer.bearer("rm1", Set.of("release-manager")));

        assertProblem(response, 413);
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenDeveloper_whenAuditQueried_then403Problem(LocalJwtIssuer issuer) {
        var response = client.get("/api/audit", "Authorization", issuer.bearer("dev1", Set.of("developer")));

        assertProblem(response, 403);
    }

    @Test
    void givenServiceDown_whenRouted_then502Problem(LocalJwtIssuer issuer) {
        var response = client.get("/api/backups", "Authorization", issuer.bearer("backup1", Set.of("backup-operator")));

        assertProblem(response, 502);
    }

    @Test
    void givenNoSessionAndNoCsrfToken_whenPostWithoutBearer_then403Problem() {
        var response = client.post("/api/releases", "application/json", "{}");

        assertProblem(response, 403);
        assertThat(json(response).get("detail").asString()).contains("CSRF");
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenUnknownPath_whenCalled_then404Problem(LocalJwtIssuer issuer) {
        var response = client.get("/api/nothing-here", "Authorization", issuer.bearer("dev1", Set.of("developer")));

        assertProblem(response, 404);
        assertThat(json(response).get("code").asString()).isEqualTo(ProblemErrorWebExceptionHandler.NOT_FOUND);
        assertThat(json(response).get("detail").asString()).doesNotContain("static resource");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/releases/a%2Fb", "/api/releases/a%2fb", "/api/releases;jsessionid=1",
            "/api/releases/x;y", "/api/releases/a%00b", "/api/releases/%", "/api/releases/%zz", "/api/releases/a%25b"})
    void givenMalformedPath_whenCalled_then400ProblemWithCodeAndServiceNeverCalled(String path, LocalJwtIssuer issuer) {
        var response = client.rawGet(path, "Authorization: " + issuer.bearer("dev1", Set.of("developer")));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        var problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("code").asString()).isIn(FirewallRejectionProblems.REQUEST_REJECTED,
                CodecRefusalProblems.MALFORMED_REQUEST);
        assertThat(problem.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenVeryLongUri_whenCalled_then414ProblemWithCode(LocalJwtIssuer issuer) {
        var response = client.rawGet("/api/releases?q=" + "x".repeat(10_000),
                "Authorization: " + issuer.bearer("dev1", Set.of("developer")));

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        var problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(414);
        assertThat(problem.get("code").asString()).isEqualTo(CodecRefusalProblems.URI_TOO_LONG);
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenServiceNamesCreatedResourceByItsOwnPath_whenRelayed_thenLocationIsThePublicPath(LocalJwtIssuer issuer) {
        String rm1 = issuer.bearer("rm1", Set.of("release-manager"));
        release.locationOnCreate("/releases/42");

        var relative = client.post("/api/releases", "application/json", "{}", "Authorization", rm1);

        assertThat(relative.statusCode()).isEqualTo(201);
        assertThat(relative.headers().firstValue("Location")).hasValue("/api/releases/42");
        assertThat(client.get(relative.headers().firstValue("Location").orElseThrow(), "Authorization", rm1)
                .statusCode()).as("the client can follow it").isEqualTo(200);
        assertThat(release.lastSeen().path()).isEqualTo("/releases/42");

        release.locationOnCreate(release.uri() + "/releases/43?view=full");
        var absolute = client.post("/api/releases", "application/json", "{}", "Authorization", rm1);

        assertThat(absolute.headers().firstValue("Location")).hasValue("/api/releases/43?view=full");
    }

    @Test
    void givenServiceDocument_whenReadThroughGateway_thenServedWithThePublicServer(LocalJwtIssuer issuer) {
        var response = client.get("/api/release/v3/api-docs", "Authorization", issuer.bearer("dev1", Set.of("developer")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var document = json(response);
        assertThat(document.get("info").get("title").asString()).isEqualTo("release-service");
        assertThat(document.get("servers").toString()).isEqualTo("[{\"url\":\"/api\",\"description\":\"Through the OpsLedger gateway\"}]");
        assertThat(release.lastSeen().path()).isEqualTo("/v3/api-docs");
        assertThat(release.lastSeen().username()).isEqualTo("dev1");
    }

    @Test
    void givenNoCredentials_whenServiceDocumentRead_then401Problem() {
        assertProblem(client.get("/api/release/v3/api-docs"), 401);
        assertThat(release.seen()).isEmpty();
    }

    @Test
    void givenSwaggerUi_whenItsConfigRead_thenItListsTheGatewayAndEveryEnabledService() {
        var config = client.get("/v3/api-docs/swagger-config");

        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(json(config).path("urls").valueStream().map(url -> url.get("name").asString() + " " + url.get("url").asString()).toList())
                .as(config.body())
                .containsExactlyInAnyOrder("gateway /v3/api-docs", "backup /api/backup/v3/api-docs", "release /api/release/v3/api-docs");
        assertThat(client.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(json(client.get("/v3/api-docs")).get("paths").propertyNames()).contains("/api/me", "/api/audit", "/api/audit/verify");
        var ui = client.get("/swagger-ui.html");
        assertThat(ui.statusCode()).isIn(200, 302);
    }

    private void assertUnauthorized(String token) {
        var response = client.get("/api/releases", "Authorization", "Bearer " + token);

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(release.seen()).isEmpty();
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("code").asString()).as("a stable code on every problem").isNotBlank();
        assertThat(problem.get("requestId").asString()).isNotBlank();
    }
}
