package dev.opsledger.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against the running gateway on 127.0.0.1, with its own cookie jar, so
 * tests see exactly what a browser or a script would (headers, cookies, redirects).
 */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final CookieHandler browserLikeCookies = new LoopbackSecureCookies(cookies);
    private final HttpClient http;

    public GatewayClient(int port) {
        this(port, HttpClient.Redirect.NEVER);
    }

    public GatewayClient(int port, HttpClient.Redirect redirects) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(browserLikeCookies)
                .followRedirects(redirects)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, headers).GET().build());
    }

    public HttpResponse<String> post(String pathOrUrl, String contentType, String body, String... headers) {
        return send(request(pathOrUrl, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The line {@link #openStream} adds when the gateway ends the stream. */
    public static final String STREAM_END = "<stream ended>";

    /**
     * Opens a server-sent events stream with this client's cookies and {@code headers}: the lines
     * arrive in the returned list as they come ({@code status:<code>} first), and
     * {@link #STREAM_END} when the gateway closes it.
     */
    public List<String> openStream(String pathOrUrl, String... headers) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = request(pathOrUrl, headers).header("Accept", "text/event-stream").GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            lines.add("status:" + response.statusCode());
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (UncheckedIOException closed) {
                // An aborted connection ends the stream as surely as a completed one.
            }
            lines.add(STREAM_END);
        });
        return lines;
    }

    public HttpRequest.Builder request(String pathOrUrl, String... headers) {
        var builder = HttpRequest.newBuilder(uri(pathOrUrl)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    /** An answer read off the socket: what any client would get, whatever the gateway's HTTP stack did. */
    public record RawResponse(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Sends {@code GET <requestTarget>} exactly as given, over a plain socket: java.net's clients
     * refuse to send targets such as a lone {@code %}, which an attacker's client sends anyway.
     */
    public RawResponse rawGet(String requestTarget, String... headerLines) {
        int port = URI.create(baseUrl).getPort();
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var request = new StringBuilder("GET ").append(requestTarget).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers, answer.substring(headEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    /** A cookie the gateway set (e.g. XSRF-TOKEN), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /**
     * Browsers treat http://127.0.0.1 as a secure context and send {@code Secure} cookies there
     * (Keycloak marks its login-session cookie Secure); java.net's cookie store would not, so the
     * flag is dropped for loopback hosts only.
     */
    private static final class LoopbackSecureCookies extends CookieHandler {
        private final CookieHandler delegate;

        LoopbackSecureCookies(CookieHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
                delegate.put(uri, responseHeaders);
                return;
            }
            Map<String, List<String>> relaxed = new java.util.LinkedHashMap<>();
            responseHeaders.forEach((name, values) -> relaxed.put(name,
                    name != null && name.equalsIgnoreCase("Set-Cookie")
                            ? values.stream().map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()
                            : values));
            delegate.put(uri, relaxed);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static Map<String, Object> map(HttpResponse<String> response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.readValue(response.body(), Map.class);
        return map;
    }
}
