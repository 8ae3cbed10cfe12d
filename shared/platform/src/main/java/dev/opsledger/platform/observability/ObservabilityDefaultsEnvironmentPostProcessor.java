package dev.opsledger.platform.observability;

import dev.opsledger.platform.config.PropertyDefaults;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Platform defaults for actuator, error pages and logging, added through {@link PropertyDefaults} as the
 * last property source so anything a service (or a test, or the environment) sets wins.
 *
 * <p>Runs after config data is loaded, because the log format depends on the service's own switch, and
 * before the logging system initialises (which reads {@code logging.structured.*}).
 */
public class ObservabilityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE_NAME = "opsledgerObservabilityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ObservabilityProperties observability = Binder.get(environment)
                .bindOrCreate("opsledger.observability", ObservabilityProperties.class);

        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.info.env.enabled", "false");
        // The platform answers errors as problem details; Boot's /error must never add traces.
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.include-exception", "false");
        if (observability.structuredLogs()) {
            defaults.put("logging.structured.format.console", observability.logFormat());
        }
        PropertyDefaults.addUnlessPresent(environment, PROPERTY_SOURCE_NAME, defaults);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
