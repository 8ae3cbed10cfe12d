package dev.opsledger.devstack;

import dev.opsledger.testkit.KeycloakServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo users of the realm file, read from it so the printed table can never drift from it. */
record DemoUsers(List<User> users) {

    record User(String username, String password, List<String> roles) {
    }

    static DemoUsers fromRealm() {
        try (InputStream in = DemoUsers.class.getClassLoader().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(KeycloakServer.REALM_RESOURCE + " is not on the classpath");
            }
            JsonNode realm = JsonMapper.builder().build().readTree(in);
            List<User> users = new ArrayList<>();
            for (JsonNode user : realm.path("users")) {
                if (user.hasNonNull("serviceAccountClientId")) {
                    // A client's service account (access-service's provisioning identity): nobody signs in as it.
                    continue;
                }
                String password = "";
                for (JsonNode credential : user.path("credentials")) {
                    if ("password".equals(credential.path("type").asString())) {
                        password = credential.path("value").asString();
                    }
                }
                List<String> roles = new ArrayList<>();
                user.path("realmRoles").forEach(role -> roles.add(role.asString()));
                users.add(new User(user.path("username").asString(), password, List.copyOf(roles)));
            }
            return new DemoUsers(List.copyOf(users));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
