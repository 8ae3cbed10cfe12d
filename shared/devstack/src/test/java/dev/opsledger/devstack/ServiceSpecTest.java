package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void givenEntries_whenParsed_thenInDeclaredOrderWithTheirSettings() {
        Properties properties = new Properties();
        properties.setProperty("services", "release, backup, gateway");
        properties.setProperty("release.module", "release-service");
        properties.setProperty("release.port", "8081");
        properties.setProperty("release.database", "release");
        properties.setProperty("backup.module", "backup-service");
        properties.setProperty("backup.port", "8083");
        properties.setProperty("backup.database", "backup");
        properties.setProperty("backup.enabled", "false");
        properties.setProperty("backup.set.opsledger.backup.repository", "${home}/backups");
        properties.setProperty("gateway.module", "gateway");
        properties.setProperty("gateway.port", "8080");
        properties.setProperty("gateway.edge", "true");

        assertThat(ServiceSpec.parse(properties)).containsExactly(
                new ServiceSpec("release", "release-service", 8081, "release", true, false),
                new ServiceSpec("backup", "backup-service", 8083, "backup", false, false,
                        java.util.Map.of("opsledger.backup.repository", "${home}/backups")),
                new ServiceSpec("gateway", "gateway", 8080, "", true, true));
    }

    @Test
    void givenSettingsWithPlaceholders_whenResolved_thenTheStacksFactsAreFilledInAndAnUnknownOneFailsTheStart() {
        ServiceSpec automation = new ServiceSpec("automation", "automation-service", 8084, "automation", true, false,
                java.util.Map.of("opsledger.automation.allowed-executables", "${root}/automation-service/scripts/",
                        "opsledger.automation.work-directory", "${home}/automation"));

        assertThat(automation.resolvedSettings(java.util.Map.of("root", "/srv/opsledger", "home", "/var/lib/ol")))
                .containsExactly(
                        java.util.Map.entry("opsledger.automation.allowed-executables", "/srv/opsledger/automation-service/scripts/"),
                        java.util.Map.entry("opsledger.automation.work-directory", "/var/lib/ol/automation"));
        assertThatThrownBy(() -> automation.resolvedSettings(java.util.Map.of("root", "/srv/opsledger")))
                .hasMessageContaining("automation.set.opsledger.automation.work-directory names ${home}");
    }

    @Test
    void givenTheShippedFile_whenLoaded_thenAutomationMayRunTheRepositorysScriptsOnly() {
        ServiceSpec automation = ServiceSpec.load().stream().filter(spec -> spec.name().equals("automation"))
                .findFirst().orElseThrow();

        assertThat(automation.resolvedSettings(java.util.Map.of("root", "/repo", "home", "/repo/.opsledger",
                "postgres.host", "h", "postgres.port", "1", "postgres.username", "u", "postgres.password", "p")))
                .containsEntry("opsledger.automation.allowed-executables", "/repo/automation-service/scripts/");
    }

    @Test
    void givenEntryWithoutModule_whenParsed_thenTheErrorNamesIt() {
        Properties properties = new Properties();
        properties.setProperty("services", "backup");
        properties.setProperty("backup.port", "8083");
        assertThatThrownBy(() -> ServiceSpec.parse(properties))
                .hasMessageContaining("'backup' has no module");
    }

    @Test
    void givenTheShippedFile_whenLoaded_thenExactlyOneGatewayAndItStartsLast() {
        var specs = ServiceSpec.started();
        assertThat(specs.stream().filter(ServiceSpec::edge)).hasSize(1);
        assertThat(specs.getLast().edge()).isTrue();
    }

    @Test
    void givenTheShippedFile_whenLoaded_thenNamesPortsAndModulesAreUniqueAndEveryEnabledModuleIsBuilt() {
        var specs = ServiceSpec.load();
        assertThat(specs).extracting(ServiceSpec::name).doesNotHaveDuplicates();
        assertThat(specs).extracting(ServiceSpec::port).doesNotHaveDuplicates();
        assertThat(specs).extracting(ServiceSpec::module).doesNotHaveDuplicates();
        String rootPom = readRootPom();
        for (ServiceSpec spec : ServiceSpec.started()) {
            assertThat(rootPom).as("%s is a module of the build", spec.name()).contains("<module>" + spec.module() + "</module>");
        }
    }

    @Test
    void givenTheShippedFile_whenLoaded_thenNoServiceSharesKeycloaksDatabase() {
        assertThat(ServiceSpec.load()).filteredOn(ServiceSpec::hasDatabase).extracting(ServiceSpec::database)
                .doesNotHaveDuplicates()
                .doesNotContain(Launcher.KEYCLOAK_DATABASE);
    }

    private static String readRootPom() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("../../pom.xml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
