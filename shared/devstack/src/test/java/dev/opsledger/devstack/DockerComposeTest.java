package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.testkit.KafkaAccessControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml runs what ./opsledger up runs: exactly the enabled entries of the one service
 * list, each built from its module, on its port, with its database, and routed by the gateway.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "kafka-init", "keycloak");
    private static final Path KAFKA_INIT = ROOT.resolve("docker/kafka-init.sh");

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

    @Test
    void givenKafkaInitScript_whenItsLinesRead_thenTheyAreExactlyTheDerivedTopicsLoginsAndAcls() throws IOException {
        List<String> script = Files.readAllLines(KAFKA_INIT).stream().map(String::strip).toList();

        assertThat(linesStartingWith(script, "topic ")).as("topics in docker/kafka-init.sh")
                .containsExactlyInAnyOrderElementsOf(KafkaAccessControl.topics().stream().map(t -> "topic " + t).toList());
        assertThat(linesStartingWith(script, "user ")).as("logins in docker/kafka-init.sh")
                .containsExactlyInAnyOrderElementsOf(KafkaAccessControl.principals().stream()
                        .map(p -> "user " + p + " \"${" + passwordVariable(p) + ":?}\"").toList());
        assertThat(linesStartingWith(script, "allow ")).as("ACLs in docker/kafka-init.sh; regenerate them from"
                        + " KafkaAccessControl.acls() after changing a @SentBy")
                .containsExactlyInAnyOrderElementsOf(allowLines());
    }

    @Test
    void givenCompose_whenKafkaConfigured_thenEveryListenerAuthenticatesAndWhatNoAclAllowsIsDenied() throws IOException {
        Map<String, Object> kafka = environment(composeServices().get("kafka"));

        assertThat(String.valueOf(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(","))
                .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
        assertThat(kafka.get("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS")).isEqualTo(KafkaAccessControl.MECHANISM);
        assertThat(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
        assertThat(kafka.get("KAFKA_SUPER_USERS")).isEqualTo("User:" + KafkaAccessControl.SUPER_USER);
        assertThat(String.valueOf(composeServices().get("kafka").get("ports"))).as("the admin listener stays inside")
                .doesNotContain("9094");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenDevstackServices_whenComposeRead_thenEachLogsInToKafkaAsItsOwnPrincipalAfterKafkaInit() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        for (ServiceSpec spec : ServiceSpec.started()) {
            String principal = spec.edge() ? KafkaAccessControl.GATEWAY
                    : KafkaAccessControl.principalOf(OpsLedgerService.byId(spec.name()));
            Map<String, Object> environment = environment(services.get(spec.name()));
            assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL")).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo(KafkaAccessControl.MECHANISM);
            assertThat(String.valueOf(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")))
                    .as("%s's Kafka login", spec.name())
                    .contains("username=\"" + principal + "\"")
                    .contains("password=\"${" + passwordVariable(principal) + ":?");
            if (!spec.edge()) {
                assertThat((Map<String, Object>) services.get(spec.name()).get("depends_on")).containsKey("kafka-init");
            }
        }
    }

    @Test
    void givenCompose_whenRead_thenNoKafkaPasswordHasADefault() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        List<String> variables = new ArrayList<>(List.of("OPSLEDGER_KAFKA_ADMIN_PASSWORD"));
        KafkaAccessControl.principals().forEach(p -> variables.add(passwordVariable(p)));

        for (String variable : variables) {
            assertThat(compose).as(variable).contains("${" + variable + ":?")
                    .doesNotContain("${" + variable + ":-").doesNotContain("${" + variable + "}");
            assertThat(String.valueOf(environment(composeServices().get("kafka-init")).get(variable)))
                    .as("kafka-init gets %s", variable).startsWith("${" + variable + ":?");
        }
    }

    @Test
    void givenComposeEnvironmentNames_whenSpringBindsThem_thenTheyReachKafkasOwnClientKeys() {
        var environment = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "jaas"));
        Map<String, String> bound = new Binder(ConfigurationPropertySources.from(environment))
                .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).get();

        assertThat(bound).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", "jaas");
    }

    private static List<String> linesStartingWith(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    static String passwordVariable(String principal) {
        return "OPSLEDGER_KAFKA_" + principal.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    /** {@code allow <principal> <topic|group> <literal|prefixed> <name> <Operation>...}, one per resource. */
    private static List<String> allowLines() {
        Map<String, List<String>> operations = new LinkedHashMap<>();
        for (AclBinding acl : KafkaAccessControl.acls()) {
            String resource = "allow " + acl.entry().principal().substring("User:".length()) + " "
                    + acl.pattern().resourceType().name().toLowerCase(Locale.ROOT) + " "
                    + acl.pattern().patternType().name().toLowerCase(Locale.ROOT) + " " + acl.pattern().name();
            String operation = acl.entry().operation().name();
            operations.computeIfAbsent(resource, r -> new ArrayList<>())
                    .add(operation.charAt(0) + operation.substring(1).toLowerCase(Locale.ROOT));
        }
        return operations.entrySet().stream().map(e -> e.getKey() + " " + String.join(" ", e.getValue())).toList();
    }
}
