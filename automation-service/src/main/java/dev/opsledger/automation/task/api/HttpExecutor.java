package dev.opsledger.automation.task.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls {@code method url} on an allow-listed {@code host:port}, e.g. a Jenkins or AWX job trigger.
 * {@code bodyTemplate} and header values may name parameters as <code>{{name}}</code>: in the
 * body a parameter becomes a JSON value (a string quoted and escaped), never spliced text.
 *
 * @param successCodes the statuses that mean success; empty means any 2xx
 */
public record HttpExecutor(String method, String url, Map<String, String> headers, String bodyTemplate,
                           Set<Integer> successCodes) implements Executor {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,100}");

    public HttpExecutor {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        successCodes = successCodes == null ? Set.of() : Set.copyOf(successCodes);
    }

    @Override
    public void validate(ExecutorAllowList allowList) {
        if (method == null || !METHODS.contains(method)) {
            throw SpecViolations.invalid(INVALID, "executor.method", "method is one of " + METHODS);
        }
        URI uri = uri();
        if (!allowList.allowsHost(host(uri), port(uri))) {
            throw SpecViolations.invalid(NOT_ALLOWED, "executor.url",
                    host(uri) + ":" + port(uri) + " is not on the operator's allow-list of hosts");
        }
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw SpecViolations.invalid(INVALID, "executor.headers", "'" + name + "' is not a header name");
            }
            SpecViolations.plainText(value, INVALID, "executor.headers." + name, 2000);
        });
        if (bodyTemplate != null && (bodyTemplate.length() > 64_000 || bodyTemplate.indexOf('\0') >= 0)) {
            throw SpecViolations.invalid(INVALID, "executor.bodyTemplate", "at most 64000 characters, no NUL");
        }
        if (successCodes.stream().anyMatch(code -> code == null || code < 100 || code > 599)) {
            throw SpecViolations.invalid(INVALID, "executor.successCodes", "status codes are 100 to 599");
        }
    }

    /** The URL as a URI; only http and https with a host and no user info. */
    public URI uri() {
        SpecViolations.plainText(url, INVALID, "executor.url", 2000);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw SpecViolations.invalid(INVALID, "executor.url", "an http(s) URL with a host and no user info");
            }
            return uri;
        } catch (URISyntaxException broken) {
            throw SpecViolations.invalid(INVALID, "executor.url", "not a URL: " + broken.getReason());
        }
    }

    public static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    public boolean isSuccess(int status) {
        return successCodes.isEmpty() ? status >= 200 && status < 300 : successCodes.contains(status);
    }
}
