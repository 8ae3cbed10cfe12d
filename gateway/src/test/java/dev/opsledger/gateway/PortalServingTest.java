package dev.opsledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.opsledger.gateway.support.GatewayClient;
import dev.opsledger.testkit.WithLocalJwtIssuer;

/**
 * The admin portal as the Maven build leaves it in {@code target/classes/static}: served at {@code /}
 * and at every client route, cacheable assets, and a page that runs under the strict CSP.
 */
@WithLocalJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.security.oauth2.client.registration.keycloak.client-secret=test-only-secret")
class PortalServingTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    GatewayClient client;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(port);
    }

    @Test
    void givenBrowserNavigation_whenClientRouteRequested_thenPortalIndexRevalidatedEachTime() {
        var response = client.get("/releases/42", "Accept", BROWSER_ACCEPT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("<div id=\"root\">");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(client.get("/", "Accept", BROWSER_ACCEPT).body()).isEqualTo(response.body());
    }

    @Test
    void givenPortalPage_whenServed_thenOnlyScriptsFromFilesAndCspWithoutUnsafeInlineOrEval() {
        var response = client.get("/inbox", "Accept", BROWSER_ACCEPT);

        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        List<String> scripts = scriptSources(response.body());
        assertThat(scripts).as("module scripts of the page").isNotEmpty().allMatch(src -> src.startsWith("/assets/"));
        assertThat(response.body()).doesNotContain("<style");
    }

    @Test
    void givenHashedAsset_whenRequested_thenJavaScriptCachedForGoodAndFreeOfEval() {
        String script = scriptSources(client.get("/", "Accept", BROWSER_ACCEPT).body()).getFirst();

        var asset = client.get(script, "Accept", "*/*");

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.body()).as("'unsafe-eval' is not in the CSP, so the bundle must not need it")
                .doesNotContain("eval(", "new Function(");
    }

    @Test
    void givenApiClient_whenUnknownPathRequested_thenProblemNotThePortal() {
        var json = client.get("/releases/42", "Accept", "application/json");
        var file = client.get("/missing.js", "Accept", BROWSER_ACCEPT);

        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(file.statusCode()).isEqualTo(404);
    }

    @Test
    void givenBrowserNavigationUnderApi_whenNotSignedIn_thenApiAnswersNotThePortal() {
        var response = client.get("/api/releases", "Accept", BROWSER_ACCEPT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("<div id=\"root\">");
    }

    private static List<String> scriptSources(String html) {
        List<String> sources = new ArrayList<>();
        Matcher matcher = SCRIPT.matcher(html);
        while (matcher.find()) {
            assertThat(matcher.group(2).strip()).as("inline script body").isEmpty();
            Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(matcher.group(1));
            assertThat(src.find()).as("script without src: %s", matcher.group()).isTrue();
            sources.add(src.group(1));
        }
        return sources;
    }
}
