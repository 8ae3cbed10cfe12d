package dev.opsledger.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A user of the devstack's realm holding every OpsLedger realm role, made through Keycloak's admin
 * API (the devstack's dev-only master admin). Bad input sent by someone no role check stops reaches
 * the deepest layer: a refusal then comes from validation, not from a 403 in front of it.
 */
final class ProbeUser {

    static final String USERNAME = "probe-all-roles";
    /** Dev-only: the user exists only in a throw-away e2e stack. */
    private static final String PASSWORD = "probe-all-roles-dev-pw";
    private static final List<String> KEYCLOAK_OWN_ROLES = List.of("offline_access", "uma_authorization");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final RunningStack stack;
    private String token;
    private Instant tokenTakenAt = Instant.MIN;

    private ProbeUser(RunningStack stack) {
        this.stack = stack;
    }

    static ProbeUser create(RunningStack stack) throws IOException, InterruptedException {
        String admin = form(RunningStack.KEYCLOAK + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin").path("access_token").asString();
        String users = RunningStack.KEYCLOAK + "/admin/realms/opsledger/users";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(users))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.readTree("""
                        {"username":"%s","enabled":true,"emailVerified":true,"firstName":"Probe","lastName":"Allroles",
                         "email":"probe-all-roles@example.org",
                         "credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                        .formatted(USERNAME, PASSWORD))))).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("creating " + USERNAME + ": " + created.statusCode() + " " + created.body());
        }
        JsonNode found = get(users + "?exact=true&username=" + USERNAME, admin);
        String id = found.get(0).path("id").asString();
        ArrayNode roles = JsonNodeFactory.instance.arrayNode();
        for (JsonNode role : get(RunningStack.KEYCLOAK + "/admin/realms/opsledger/roles", admin)) {
            String name = role.path("name").asString();
            if (!KEYCLOAK_OWN_ROLES.contains(name) && !name.startsWith("default-roles-")) {
                roles.add(role);
            }
        }
        HttpResponse<String> mapped = HTTP.send(HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(roles))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (mapped.statusCode() / 100 != 2) {
            throw new IllegalStateException("giving " + USERNAME + " its roles: " + mapped.statusCode() + " " + mapped.body());
        }
        return new ProbeUser(stack);
    }

    /** A fresh enough token: demo tokens live five minutes, a probe run may be longer. */
    synchronized String token() {
        if (Duration.between(tokenTakenAt, Instant.now()).compareTo(Duration.ofMinutes(3)) > 0) {
            token = stack.keycloak.passwordGrant(USERNAME, PASSWORD);
            tokenTakenAt = Instant.now();
        }
        return token;
    }

    private static JsonNode form(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

}
