package dev.opsledger.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.opsledger.testkit.KeycloakServer;

/** The roles the gateway's own rules name exist in the one realm file, so a rename can't silently lock everyone out. */
class RealmRolesTest {

    @Test
    void givenRealmFile_whenGatewayRulesNameRoles_thenTheRealmDefinesEachOfThem() throws IOException {
        List<String> realmRoles = new ArrayList<>();
        try (InputStream realm = getClass().getClassLoader().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            assertThat(realm).isNotNull();
            JsonMapper.builder().build().readTree(realm).path("roles").path("realm")
                    .forEach(role -> realmRoles.add(role.path("name").asString()));
        }

        assertThat(realmRoles).containsAll(SecurityConfiguration.AUDIT_READERS);
    }
}
