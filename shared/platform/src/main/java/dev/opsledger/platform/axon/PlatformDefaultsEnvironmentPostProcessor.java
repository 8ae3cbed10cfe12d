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

    private static final String BATCH_SIZE =
            "${opsledger.axon.processor-batch-size:" + AxonPlatformAutoConfiguration.PROCESSOR_BATCH_SIZE + "}";

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
        // Both are configured through these properties, so they need the batch size of every other tracking
        // processor (AxonPlatformAutoConfiguration#trackingProcessorDefaults) here.
        defaults.put("axon.eventhandling.processors.integration-publisher.batch-size", BATCH_SIZE);
        defaults.put("axon.eventhandling.processors.integration-request-sender.batch-size", BATCH_SIZE);
        // Deadlines: JobRunr jobs in PostgreSQL, executed by every instance's background server.
        defaults.put("jobrunr.background-job-server.enabled", "true");
        defaults.put("jobrunr.dashboard.enabled", "false");
        defaults.put("jobrunr.miscellaneous.allow-anonymous-data-usage", "false");
        // Nothing phones home unless an operator opts in (Axon's update check reports usage data).
        defaults.put("axon.update-check.disabled", "true");
        // The schema is Flyway's; never let anything generate DDL behind its back.
        defaults.put("spring.flyway.enabled", "true");
        // A platform migration (V1-V99) released after a service ran its own (V100+) is applied at the next
        // start instead of Flyway refusing it as "ignored" (ADR 076): the two ranges never depend on each
        // other out of order.
        defaults.put("spring.flyway.out-of-order", "true");
        // While PostgreSQL is unreachable a request should get its 503 in seconds, not wait out
        // Hikari's default of 30 s for a connection (see ProblemDetailsExceptionHandler).
        defaults.put("spring.datasource.hikari.connection-timeout", "5000");
        // A service runs 16+ request threads and 7-9 tracking processors (one connection each while they
        // handle a batch) beside JobRunr; with Hikari's default of 10 the request threads queued for a
        // connection under 16 concurrent commands (benchmarks P1: JFR showed 77 s of request-thread
        // parking in HikariPool.getConnection in one 25 s run). Four services x 20 stay well under the
        // devstack's max_connections of 300.
        defaults.put("spring.datasource.hikari.maximum-pool-size", "20");
        // ... but only while the load needs them: Hikari's default keeps all 20 open, and an idle devstack of
        // four services then held 80 PostgreSQL backends (benchmarks P5: 3.18 GiB of RSS over the 3 GiB goal).
        // Above the minimum a connection is opened when asked for and closed after 10 idle minutes.
        defaults.put("spring.datasource.hikari.minimum-idle", "2");
        return defaults;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertyDefaults.addUnlessPresent(environment, PROPERTY_SOURCE_NAME, defaults());
    }
}
