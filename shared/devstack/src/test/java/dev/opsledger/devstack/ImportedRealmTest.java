package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.testkit.KeycloakServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportedRealmTest {

    @Test
    void givenAFreshStackHome_whenStartedTwiceWithOneRealmFile_thenRecordedAndNoNotice(@TempDir Path home) throws Exception {
        ImportedRealm imported = new ImportedRealm(home.resolve("keycloak-realm.sha256"));

        assertThat(imported.checkAtStart()).isEmpty();
        assertThat(imported.checkAtStart()).isEmpty();
        assertThat(Files.readString(imported.record()).strip())
                .isEqualTo(ImportedRealm.digestOf(KeycloakServer.REALM_RESOURCE))
                .hasSize(64);
    }

    @Test
    void givenARealmImportedFromAnotherFile_whenStarted_thenNoticeSaysHowToTakeTheNewOne(@TempDir Path home) {
        ImportedRealm imported = new ImportedRealm(home.resolve("keycloak-realm.sha256"));
        imported.checkAtStart("0".repeat(64));

        assertThat(imported.checkAtStart()).hasValueSatisfying(notice ->
                assertThat(notice).contains("changed since", "./opsledger up --fresh"));
    }
}
