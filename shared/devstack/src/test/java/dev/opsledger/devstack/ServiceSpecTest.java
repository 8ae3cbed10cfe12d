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
        properties.setProperty("gateway.module", "gateway");
        properties.setProperty("gateway.port", "8080");
        properties.setProperty("gateway.edge", "true");

        assertThat(ServiceSpec.parse(properties)).containsExactly(
                new ServiceSpec("release", "release-service", 8081, "release", true, false),
                new ServiceSpec("backup", "backup-service", 8083, "backup", false, false),
                new ServiceSpec("gateway", "gateway", 8080, "", true, true));
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

    private static String readRootPom() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("../../pom.xml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
