package dev.opsledger.platform.axon;

import dev.opsledger.platform.config.PropertyDefaults;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The platform's defaults for Axon, JobRunr and Flyway, added through {@link PropertyDefaults} so that a
 * service's {@code application.yml}, the environment or a test can override any of them; early enough for
 * auto-configuration conditions such as {@code axon.axonserver.enabled}.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    public static final String PROPERTY_SOURCE_NAME = "opsledgerPlatformDefaults";

    static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // No Axon Server: the event store, tokens and sagas live in the service's PostgreSQL.
        defaults.put("axon.axonserver.enabled", "false");
        // XStream cannot read records; Jackson 2 is only on the classpath for CloudEvents.
        defaults.put("axon.serializer.general", "jackson3");
        defaults.put("axon.serializer.events", "jackson3");
        defaults.put("axon.serializer.messages", "jackson3");
        // Tracking processors (Axon's default with an event store, stated so nobody wonders) keep
        // their position in token_entry, so read models and the Kafka publisher resume after a restart.
        defaults.put("axon.eventhandling.processors.integration-publisher.mode", "tracking");
        defaults.put("axon.eventhandling.processors.integration-request-sender.mode", "tracking");
        // Deadlines: JobRunr jobs in PostgreSQL, executed by every instance's background server.
        defaults.put("jobrunr.background-job-server.enabled", "true");
        defaults.put("jobrunr.dashboard.enabled", "false");
        defaults.put("jobrunr.miscellaneous.allow-anonymous-data-usage", "false");
        // Nothing phones home unless an operator opts in (Axon's update check reports usage data).
        defaults.put("axon.update-check.disabled", "true");
        // The schema is Flyway's; never let anything generate DDL behind its back.
        defaults.put("spring.flyway.enabled", "true");
        // While PostgreSQL is unreachable a request should get its 503 in seconds, not wait out
        // Hikari's default of 30 s for a connection (see ProblemDetailsExceptionHandler).
        defaults.put("spring.datasource.hikari.connection-timeout", "5000");
        return defaults;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertyDefaults.addUnlessPresent(environment, PROPERTY_SOURCE_NAME, defaults());
    }
}
