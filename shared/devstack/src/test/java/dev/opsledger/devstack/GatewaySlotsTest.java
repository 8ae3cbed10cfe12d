package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The gateway's service slots ({@code opsledger.gateway.services} in its application.yml) follow
 * the one service list: a slot per declared service, on its port, switched on by the environment
 * names compose uses, and every public path documented in gateway/README.md. Its audit fan-out,
 * OpenAPI routes and Swagger UI list are derived from the same slots.
 */
class GatewaySlotsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):(.*)}");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> slots() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(ROOT.resolve("gateway/src/main/resources/application.yml")));
        Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) yaml.get("opsledger")).get("gateway");
        return (Map<String, Map<String, Object>>) gateway.get("services");
    }

    @Test
    void givenServiceList_whenGatewayConfigRead_thenOneSlotPerDeclaredService() throws IOException {
        var declared = new TreeSet<String>();
        ServiceSpec.load().stream().filter(spec -> !spec.edge()).forEach(spec -> declared.add(spec.name()));

        assertThat(new TreeSet<>(slots().keySet())).isEqualTo(declared);
    }

    @Test
    void givenSlots_whenRead_thenEachDefaultsToItsServicesPortAndIsSwitchedByTheNamesComposeSets() throws IOException {
        Map<String, Map<String, Object>> slots = slots();
        for (ServiceSpec spec : ServiceSpec.load()) {
            if (spec.edge()) {
                continue;
            }
            Map<String, Object> slot = slots.get(spec.name());
            String prefix = "OPSLEDGER_" + spec.name().toUpperCase(Locale.ROOT);
            Matcher uri = placeholder(slot.get("uri"));
            assertThat(uri.group(1)).isEqualTo(prefix + "_URI");
            assertThat(uri.group(2)).as("%s default address", spec.name()).isEqualTo("http://localhost:" + spec.port());
            assertThat(placeholder(slot.get("enabled")).group(1)).isEqualTo(prefix + "_ENABLED");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenSlots_whenReadmeRead_thenEveryPublicPathAndDocumentIsDocumented() throws IOException {
        String readme = Files.readString(ROOT.resolve("gateway/README.md"));
        slots().forEach((name, slot) -> {
            for (String path : (List<String>) slot.get("paths")) {
                assertThat(readme).as("gateway/README.md documents %s of %s", path, name).contains("`" + path + "`");
            }
            assertThat(readme).contains("`/api/" + name + "/v3/api-docs`");
        });
    }

    private static Matcher placeholder(Object value) {
        Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
        assertThat(matcher.matches()).as("%s is an environment placeholder with a default", value).isTrue();
        return matcher;
    }
}
