package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void givenTestClasses_whenDatabaseNamed_thenValidDistinctIdentifiers() {
        String outer = TestInfrastructure.databaseName(TestInfrastructureTest.class);
        String nested = TestInfrastructure.databaseName(AVeryLongNestedClassNameThatWouldNotFitIntoAPostgresIdentifierOnItsOwn.class);

        assertThat(outer).matches("[a-z_][a-z0-9_]{0,62}").startsWith("t_testinfrastructuretest_");
        assertThat(nested).matches("[a-z_][a-z0-9_]{0,62}").isNotEqualTo(outer);
        assertThat(TestInfrastructure.databaseName(TestInfrastructureTest.class)).isEqualTo(outer);
    }

    @Test
    void givenFilteredVersions_whenKeycloakVersionRead_thenDistributionZipInLocalRepository() {
        String version = TestkitVersions.keycloak();

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(KeycloakDistribution.zip(version)).satisfies(zip -> assertThat(Files.isRegularFile(zip)).isTrue());
    }

    @Test
    void givenRealmOnClasspath_whenRead_thenOpsLedgerRealm() throws Exception {
        try (var realm = getClass().getClassLoader().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            assertThat(realm).isNotNull();
            String json = new String(realm.readAllBytes());
            assertThat(json).contains("\"realm\": \"opsledger\"", "oidc-audience-mapper", "opsledger-cli",
                    "opsledger-gateway", "\"S256\"");
        }
    }

    static class AVeryLongNestedClassNameThatWouldNotFitIntoAPostgresIdentifierOnItsOwn {
    }
}
