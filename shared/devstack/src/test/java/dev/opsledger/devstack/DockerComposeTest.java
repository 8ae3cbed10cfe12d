package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml runs what ./opsledger up runs: every devstack process has its compose service. */
class DockerComposeTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenDevstackServices_whenComposeRead_thenEachIsBuiltFromItsModuleDockerfile() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        List<ServiceSpec> specs = ServiceSpec.load();
        assertThat(specs).isNotEmpty();
        for (ServiceSpec spec : specs) {
            assertThat(services).as("compose service for %s", spec.name()).containsKey(spec.name());
            Map<String, Object> build = (Map<String, Object>) services.get(spec.name()).get("build");
            assertThat(build).as("%s is built from the repository", spec.name()).isNotNull();
            assertThat(build.get("dockerfile")).isEqualTo(spec.module() + "/Dockerfile");
            assertThat(ROOT.resolve(spec.module()).resolve("Dockerfile")).isRegularFile();
            assertThat(services.get(spec.name())).containsKeys("healthcheck", "depends_on", "environment");
        }
    }

    @Test
    void givenServicesWithDatabases_whenComposeStartsPostgres_thenItCreatesEachDatabase() throws IOException {
        String init = Files.readString(ROOT.resolve("docker/postgres-init.sql"));
        for (ServiceSpec spec : ServiceSpec.load()) {
            if (spec.hasDatabase()) {
                assertThat(init).contains("CREATE DATABASE " + spec.database() + ";");
            }
        }
    }

    @Test
    void givenCompose_whenKeycloakConfigured_thenItImportsTheOneRealmFile() throws IOException {
        assertThat(composeServices().get("keycloak").get("volumes").toString())
                .contains("./shared/testkit/src/main/resources/keycloak/opsledger-realm.json");
        assertThat(ROOT.resolve("shared/testkit/src/main/resources/keycloak/opsledger-realm.json")).isRegularFile();
    }
}
