package dev.opsledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium driven by Playwright for Java, as a signed-in portal user would use it: one
 * browser, a context (cookie jar) per person, screenshots under {@code target/screenshots}, and an
 * axe-core check (from the portal's own npm dependencies) on every page visited.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("OPSLEDGER_CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;
    private final String gateway;
    private final Path screenshots;
    private final String axeSource;

    PortalBrowser(String gateway, Path root, Path screenshots) throws IOException {
        this.gateway = gateway;
        this.screenshots = Files.createDirectories(screenshots);
        this.axeSource = Files.readString(root.resolve("gateway/src/main/portal/node_modules/axe-core/axe.min.js"));
        // The driver must not fetch browsers of its own: the machine's Chromium is the one under test.
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS));
    }

    /** A person in their own browser context; CSP reports from the page fail the test. */
    final class User {
        final String name;
        final Page page;
        final List<String> cspViolations = new CopyOnWriteArrayList<>();

        private User(String name) {
            this.name = name;
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
            this.page = context.newPage();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    cspViolations.add(message.text());
                }
            });
        }

        /** Opens a portal page; without a session the portal sends the browser to Keycloak's form. */
        User signInAt(String path, String password) {
            page.navigate(gateway + path);
            page.locator("#username").fill(name);
            page.locator("#password").fill(password);
            page.locator("#kc-login").click();
            page.getByTestId("who").waitFor();
            assertThat(page.getByTestId("who").textContent()).startsWith(name);
            return this;
        }

        User open(String path) {
            page.navigate(gateway + path);
            page.getByTestId("who").waitFor();
            return this;
        }

        /** axe-core in the page; fails on any serious or critical violation. */
        User checkAccessibility(String what) {
            page.evaluate(axeSource);
            Object found = page.evaluate("""
                    async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))""");
            assertThat((List<?>) found).as("axe-core serious/critical violations on %s", what).isEmpty();
            assertThat(cspViolations).as("CSP violations on %s", what).isEmpty();
            return this;
        }

        User screenshot(String file) {
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(file)).setFullPage(true));
            return this;
        }
    }

    User as(String name) {
        return new User(name);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
