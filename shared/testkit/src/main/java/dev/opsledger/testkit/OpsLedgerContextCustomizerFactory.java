package dev.opsledger.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registered in {@code META-INF/spring.factories}: for test classes with {@code @With…} annotations it puts
 * the infrastructure's connection properties into the Spring environment, above {@code application.yml},
 * and has the context closed at JVM exit before that infrastructure stops (no {@code @DirtiesContext} needed).
 */
public final class OpsLedgerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        InfrastructureRequest request = InfrastructureRequest.of(testClass);
        if (!request.any()) {
            return null;
        }
        request.validate();
        return new InfrastructureContextCustomizer(request);
    }

    /**
     * Part of the Spring context cache key, through record equality: classes with {@link WithPostgres} differ by
     * the database owner, so each gets its own context and database; the others share contexts as usual.
     * Nothing is started here, only in {@link #customizeContext}, which runs when a context is actually built.
     */
    record InfrastructureContextCustomizer(InfrastructureRequest request) implements ContextCustomizer {

        static final String PROPERTY_SOURCE = "opsledgerTestInfrastructure";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (request.postgresOwner() != null) {
                properties.putAll(TestInfrastructure.databaseFor(request.postgresOwner()).properties());
            }
            if (request.kafka()) {
                properties.putAll(TestInfrastructure.kafka().properties());
            }
            if (request.postgresOwner() != null || request.kafka()) {
                // A service on Kafka publishes signed audit checkpoints and won't start without a key; so does
                // one on a test's own broker (a stoppable or secured one), which only @WithPostgres marks.
                properties.putAll(AuditSigningKeys.properties());
            }
            if (request.keycloak()) {
                properties.putAll(TestInfrastructure.keycloak().properties());
            }
            if (request.localJwtIssuer()) {
                properties.putAll(LocalJwtIssuer.shared().properties());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
            // Cached contexts are closed by Spring's shutdown hook, concurrently with the one stopping the
            // infrastructure; closing them from the latter first keeps the database up while their beans stop.
            JvmExit.closeBeforeStopping(context);
        }
    }
}
