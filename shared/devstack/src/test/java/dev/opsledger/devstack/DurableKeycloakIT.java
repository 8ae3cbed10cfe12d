package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.testkit.EmbeddedKeycloak;
import dev.opsledger.testkit.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The devstack's Keycloak keeps what was written at runtime (ADR 072): a group membership added
 * through the admin API, as access-service provisions one, and a user created at runtime are still
 * there after PostgreSQL and Keycloak are stopped and started again on the same stack home, which
 * also shows the realm import at the second start did not overwrite the realm (Keycloak says it skipped it).
 */
class DurableKeycloakIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ADMIN = "/admin/realms/opsledger";
    // access-service's provisioning client and its dev-only secret, as written in the realm file.
    private static final String PROVISIONING_CLIENT = "opsledger-access";
    private static final String PROVISIONING_DEV_SECRET = "opsledger-access-dev-secret";

    @Test
    void givenMembershipAndUserAddedAtRuntime_whenStackRestarted_thenBothKept(@TempDir Path directory) throws Exception {
        StackHome home = new StackHome(directory, directory.resolve(".opsledger"),
                freePort() - StackHome.KEYCLOAK_PORT);
        int postgresPort = freePort();

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(home.postgresData(), postgresPort);
                EmbeddedKeycloak keycloak = Launcher.startKeycloak(home, postgres)) {
            assertThat(Files.readString(keycloak.logFile())).contains("Realm 'opsledger' imported");
            Admin admin = new Admin(keycloak.baseUrl());
            String dev1 = admin.userId("dev1");
            assertThat(admin.groupPathsOf(dev1)).doesNotContain("/deployers");

            admin.send("PUT", ADMIN + "/users/" + dev1 + "/groups/" + admin.groupId("deployers"), null);
            admin.send("POST", ADMIN + "/users", "{\"username\":\"runtime1\",\"enabled\":true}");

            assertThat(admin.groupPathsOf(dev1)).contains("/deployers");
        }

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(home.postgresData(), postgresPort);
                EmbeddedKeycloak keycloak = Launcher.startKeycloak(home, postgres)) {
            assertThat(Files.readString(keycloak.logFile())).contains("Realm 'opsledger' already exists. Import skipped");
            Admin admin = new Admin(keycloak.baseUrl());

            assertThat(admin.groupPathsOf(admin.userId("dev1"))).contains("/deployers");
            assertThat(admin.userId("runtime1")).isNotBlank();
            // The realm file's users are still there too: the database kept the realm, not just our writes.
            assertThat(keycloak.tokenFor("dev2")).isNotBlank();
        }
    }

    /** Keycloak's admin REST API, called with the provisioning client's own token. */
    private record Admin(String baseUrl, String token) {

        Admin(String baseUrl) {
            this(baseUrl, clientCredentialsToken(baseUrl));
        }

        String userId(String username) throws Exception {
            JsonNode users = JSON.readTree(send("GET", ADMIN + "/users?exact=true&username=" + username, null));
            assertThat(users.size()).as("users named %s", username).isEqualTo(1);
            return users.get(0).path("id").asString();
        }

        String groupId(String path) throws Exception {
            return JSON.readTree(send("GET", ADMIN + "/group-by-path/" + path, null)).path("id").asString();
        }

        List<String> groupPathsOf(String userId) throws Exception {
            JsonNode groups = JSON.readTree(send("GET", ADMIN + "/users/" + userId + "/groups", null));
            return groups.valueStream().map(group -> group.path("path").asString()).toList();
        }

        String send(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .method(method, json == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isBetween(200, 299);
            return response.body();
        }

        private static String clientCredentialsToken(String baseUrl) {
            String form = Map.of("grant_type", "client_credentials", "client_id", PROVISIONING_CLIENT,
                            "client_secret", PROVISIONING_DEV_SECRET).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(baseUrl + "/realms/opsledger/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("token answer %s", response.body()).isEqualTo(200);
                return JSON.readTree(response.body()).path("access_token").asString();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("no token from " + baseUrl, e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
