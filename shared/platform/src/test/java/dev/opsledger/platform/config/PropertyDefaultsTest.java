package dev.opsledger.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PropertyDefaultsTest {

    @Test
    void givenServiceSetsAKey_whenDefaultsAdded_thenServiceWinsAndDefaultsFillTheRest() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of("a", "service")));

        PropertyDefaults.addUnlessPresent(environment, "defaults", Map.of("a", "default", "b", "default"));

        assertThat(environment.getProperty("a")).isEqualTo("service");
        assertThat(environment.getProperty("b")).isEqualTo("default");
        assertThat(environment.getPropertySources().stream().toList().getLast().getName()).isEqualTo("defaults");
    }

    @Test
    void givenDefaultsAlreadyAdded_whenAddedAgain_thenFirstSourceKept() {
        StandardEnvironment environment = new StandardEnvironment();
        PropertyDefaults.addUnlessPresent(environment, "defaults", Map.of("a", "first"));

        PropertyDefaults.addUnlessPresent(environment, "defaults", Map.of("a", "second"));

        assertThat(environment.getProperty("a")).isEqualTo("first");
        assertThat(environment.getPropertySources().stream().filter(s -> s.getName().equals("defaults")))
                .hasSize(1);
    }
}
