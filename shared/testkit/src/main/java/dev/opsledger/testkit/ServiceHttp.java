package dev.opsledger.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's REST API as an integration test calls it over a real socket: JSON in, JSON (or a
 * problem detail) out, a bearer token per call. Every service IT talks to its service this way.
 */
public final class ServiceHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    private ServiceHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The service on {@code http://localhost:<port>}, e.g. a {@code @LocalServerPort}. */
    public static ServiceHttp onPort(int port) {
        return new ServiceHttp("http://localhost:" + port);
    }

    /** An answer; {@code body} is JSON's null node when there was none. */
    public record Response(int status, JsonNode body, String location) {

        /** The stable {@code code} of a problem detail. */
        public String problemCode() {
            return body.path("code").asString();
        }

        /** The first field a validation problem names. */
        public String problemField() {
            return body.path("errors").path(0).path("field").asString();
        }

        /** The id of what a 201 created; an assertion error with the body on any other answer. */
        public String createdId() {
            if (status != 201) {
                throw new AssertionError("expected 201 Created, got " + status + ": " + body);
            }
            return body.path("id").asString();
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public Response get(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), bearer);
    }

    public Response post(String path, String bearer, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(json(body)), bearer);
    }

    public Response put(String path, String bearer, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(json(body)), bearer);
    }

    /** A request as JSON, with {@code bearer} (e.g. {@code "Bearer eyJ…"}) unless null. */
    public Response send(HttpRequest.Builder request, String bearer) {
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return exchange(request.header("Content-Type", "application/json"));
    }

    /** A request sent as it is built (a form post to Keycloak, say), its answer read as JSON. */
    public static Response exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    }
}
