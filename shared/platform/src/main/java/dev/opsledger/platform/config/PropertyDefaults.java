package dev.opsledger.platform.config;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * How the platform's environment post-processors contribute defaults: as the last property source, so a
 * service's {@code application.yml}, the environment or a test overrides any of them.
 *
 * <p>A property source rather than an {@code application.yml} or {@code @PropertySource} in the jar: a second
 * {@code application.yml} on the classpath would be shadowed by the service's own, and Boot reads
 * {@code @PropertySource}s too late for auto-configuration conditions.
 */
public final class PropertyDefaults {

    private PropertyDefaults() {
    }

    /**
     * Adds {@code defaults} as the lowest-precedence source named {@code name}, unless a source of that name is
     * there already (the post-processor ran before on this environment, or a parent context's was merged in).
     */
    public static void addUnlessPresent(ConfigurableEnvironment environment, String name, Map<String, Object> defaults) {
        if (!environment.getPropertySources().contains(name)) {
            environment.getPropertySources().addLast(new MapPropertySource(name, defaults));
        }
    }
}
