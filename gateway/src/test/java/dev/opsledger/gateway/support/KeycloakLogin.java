package dev.opsledger.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the browser login the way a browser does: the gateway's authorization endpoint,
 * Keycloak's own login form, the credentials posted to the form's action, and the redirect
 * back to the gateway's callback. Redirects are followed by hand so each hop can be checked.
 */
public final class KeycloakLogin {

    private static final Pattern FORM_ACTION = Pattern.compile(
            "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);
    private static final Pattern ANY_FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    private KeycloakLogin() {
    }

    /** Logs in and returns the hops: authorization redirect, login page, callback, final answer. */
    public static Trace login(GatewayClient browser, String username, String password) {
        HttpResponse<String> authorize = browser.get("/oauth2/authorization/keycloak");
        assertThat(authorize.statusCode()).as("gateway starts the login").isEqualTo(302);
        String keycloakAuthorize = authorize.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> loginPage = browser.get(keycloakAuthorize);
        assertThat(loginPage.statusCode()).as("Keycloak shows its login form").isEqualTo(200);
        String action = formAction(loginPage.body());

        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> submitted = browser.send(browser.request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        assertThat(submitted.statusCode()).as("Keycloak accepts the credentials: " + submitted.body()).isEqualTo(302);
        String callback = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(browser.baseUrl() + "/login/oauth2/code/keycloak");

        HttpResponse<String> landed = browser.get(callback);
        assertThat(landed.statusCode()).as("gateway completes the login: " + landed.body()).isEqualTo(302);
        return new Trace(keycloakAuthorize, action, callback, landed.headers().firstValue("Location").orElse(null));
    }

    /** The URLs a login went through, for assertions and the README. */
    public record Trace(String keycloakAuthorize, String loginFormAction, String callback, String landedOn) {
    }

    static String formAction(String html) {
        Matcher matcher = FORM_ACTION.matcher(html);
        if (!matcher.find()) {
            matcher = ANY_FORM_ACTION.matcher(html);
            assertThat(matcher.find()).as("a login form in " + html).isTrue();
        }
        return matcher.group(1).replace("&amp;", "&");
    }
}
