package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml runs what ./opsledger up runs: exactly the enabled entries of the one service
 * list, each built from its module, on its port, with its database, and routed by the gateway.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "keycloak");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @Test
    void givenServiceList_whenComposeRead_thenItRunsExactlyTheEnabledEntriesBesideTheInfrastructure() throws IOException {
        Set<String> expected = new TreeSet<>(INFRASTRUCTURE);
        ServiceSpec.started().forEach(spec -> expected.add(spec.name()));

        assertThat(new TreeSet<>(composeServices().keySet()))
                .as("a service not built yet (enabled=false) would break docker-compose up --build")
                .isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenDevstackServices_whenComposeRead_thenEachIsBuiltFromItsModuleDockerfile() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        List<ServiceSpec> specs = ServiceSpec.started();
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
    void givenDevstackServices_whenComposeRead_thenEachListensOnItsPortWithItsDatabase() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        for (ServiceSpec spec : ServiceSpec.started()) {
            Map<String, Object> environment = environment(services.get(spec.name()));
            assertThat(String.valueOf(environment.get("SERVER_PORT"))).as("%s port", spec.name())
                    .isEqualTo(String.valueOf(spec.port()));
            if (spec.hasDatabase()) {
                assertThat(environment.get("SPRING_DATASOURCE_URL")).as("%s database", spec.name())
                        .isEqualTo("jdbc:postgresql://postgres:5432/" + spec.database());
                assertThat(environment).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenEdge_whenComposeRead_thenEveryOtherServiceIsSwitchedOnAtItsAddressAndAwaited() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        ServiceSpec edge = ServiceSpec.started().stream().filter(ServiceSpec::edge).findFirst().orElseThrow();
        Map<String, Object> environment = environment(services.get(edge.name()));
        Map<String, Object> dependsOn = (Map<String, Object>) services.get(edge.name()).get("depends_on");
        for (ServiceSpec spec : ServiceSpec.started()) {
            if (spec.edge()) {
                continue;
            }
            String slot = "OPSLEDGER_" + spec.name().toUpperCase(Locale.ROOT);
            assertThat(environment.get(slot + "_ENABLED")).as("%s routed", spec.name()).isEqualTo("true");
            assertThat(environment.get(slot + "_URI")).isEqualTo("http://" + spec.name() + ":" + spec.port());
            assertThat(dependsOn).as("gateway waits for %s", spec.name()).containsKey(spec.name());
        }
    }

    @Test
    void givenDevstackServices_whenComposeRead_thenEachRequiresTheAuditSigningKeysFromTheEnvironmentWithoutADefault()
            throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        for (ServiceSpec spec : ServiceSpec.started()) {
            if (!spec.hasDatabase()) {
                continue;
            }
            Map<String, Object> environment = environment(services.get(spec.name()));
            for (String variable : List.of(DevAuditKeys.SIGNING_KEY_ENV, DevAuditKeys.VERIFICATION_KEYS_ENV)) {
                assertThat(String.valueOf(environment.get(variable))).as("%s %s", spec.name(), variable)
                        .startsWith("${" + variable + ":?");
            }
        }
    }

    @Test
    void givenServicesWithDatabases_whenComposeStartsPostgres_thenItCreatesEachDatabase() throws IOException {
        String init = Files.readString(ROOT.resolve("docker/postgres-init.sql"));
        for (ServiceSpec spec : ServiceSpec.started()) {
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

    @Test
    void givenCompose_whenKeycloakConfigured_thenItsDataLivesInADatabaseOfItsOwnNotInTheContainer() throws IOException {
        Map<?, ?> environment = (Map<?, ?>) composeServices().get("keycloak").get("environment");

        assertThat(environment.get("KC_DB")).isEqualTo("postgres");
        assertThat(environment.get("KC_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/keycloak");
        assertThat(Files.readString(ROOT.resolve("docker/postgres-init.sql"))).contains("CREATE DATABASE keycloak;");
    }
}
