package dev.opsledger.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ObservabilityDefaultsEnvironmentPostProcessorTest {

    private final ObservabilityDefaultsEnvironmentPostProcessor processor =
            new ObservabilityDefaultsEnvironmentPostProcessor();

    @Test
    void givenNothingConfigured_whenProcessed_thenActuatorEndpointsAndEcsJsonLogsAreOn() {
        StandardEnvironment environment = process(Map.of());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
    }

    @Test
    void givenStructuredLogsSwitchedOff_whenProcessed_thenNoStructuredFormatIsSet() {
        StandardEnvironment environment = process(Map.of("opsledger.observability.structured-logs", "false"));

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void givenLogstashChosen_whenProcessed_thenLogstashFormat() {
        StandardEnvironment environment = process(Map.of("opsledger.observability.log-format", "logstash"));

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void givenServiceSetsItsOwnValues_whenProcessed_thenTheServiceWins() {
        StandardEnvironment environment = process(Map.of(
                "management.endpoints.web.exposure.include", "health",
                "logging.structured.format.console", "logstash"));

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
        assertThat(environment.getPropertySources().stream().toList().getLast().getName())
                .isEqualTo(ObservabilityDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
    }

    private StandardEnvironment process(Map<String, Object> serviceProperties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", serviceProperties));
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
