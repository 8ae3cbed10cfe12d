package dev.opsledger.automation.config;

import dev.opsledger.automation.run.persistence.RunQueueTables;
import dev.opsledger.automation.task.api.ExecutorAllowList;
import dev.opsledger.platform.axon.ProcessingGroups;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own wiring; everything generic comes from the platform's auto-configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AutomationProperties.class)
@OpenAPIDefinition(
        info = @Info(title = "OpsLedger automation-service", version = "1",
                description = "Versioned task definitions with typed parameters, runs through allow-listed shell "
                        + "and HTTP executors, approvals bound to the exact inputs, live logs and schedules. "
                        + "Errors are RFC 9457 problem details with a stable `code`."),
        security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(name = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A Keycloak access token of the opsledger realm; realm roles decide what the caller may do.")
public class AutomationServiceConfiguration {

    @Bean
    ExecutorAllowList executorAllowList(AutomationProperties properties) {
        return new ConfiguredAllowList(properties);
    }

    /**
     * The queue and the FORBID claim change in the transaction of the run's event: a queued run
     * is never missing from the queue, and a finished run never blocks the next.
     */
    @Bean
    ConfigurerModule runQueueInTheEventsTransaction() {
        return ProcessingGroups.subscribingInTheEventsTransaction(RunQueueTables.PROCESSING_GROUP);
    }
}
