package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void givenEntries_whenParsed_thenInDeclaredOrderWithTheirSettings() {
        Properties properties = new Properties();
        properties.setProperty("services", "release, gateway");
        properties.setProperty("release.module", "release-service");
        properties.setProperty("release.port", "8081");
        properties.setProperty("release.database", "release");
        properties.setProperty("release.backend", "true");
        properties.setProperty("gateway.module", "gateway");
        properties.setProperty("gateway.port", "8080");

        assertThat(ServiceSpec.parse(properties)).containsExactly(
                new ServiceSpec("release", "release-service", 8081, "release", true),
                new ServiceSpec("gateway", "gateway", 8080, "", false));
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
        var specs = ServiceSpec.load();
        assertThat(specs.stream().filter(s -> !s.backend())).hasSize(1);
        assertThat(specs.getLast().backend()).isFalse();
    }
}
