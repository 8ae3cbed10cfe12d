package dev.opsledger.access.config;

import dev.opsledger.access.grant.api.AccessTokenLifespan;
import dev.opsledger.access.grant.api.TaskAnswerTimeout;
import dev.opsledger.access.grant.persistence.ActiveGrantClaims;
import dev.opsledger.platform.axon.ProcessingGroups;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service's own wiring; everything generic comes from the platform's auto-configuration. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@OpenAPIDefinition(
        info = @Info(title = "OpsLedger access-service", version = "1",
                description = "Resources, access requests with approvals, grants provisioned in Keycloak (or by automation "
                        + "tasks for external resources) until they "
                        + "expire or are revoked, break-glass access, access reviews, drift between Keycloak and "
                        + "the grants, and who had access at any moment."))
public class AccessServiceConfiguration {

    /**
     * Frees a user's slot on a resource in the transaction of the event that ends the request or
     * grant, so a failure rolls the command back instead of blocking the user's next request.
     */
    @Bean
    ConfigurerModule activeGrantClaimsInTheEventsTransaction() {
        return ProcessingGroups.subscribingInTheEventsTransaction(ActiveGrantClaims.PROCESSING_GROUP);
    }

    @Bean
    TaskAnswerTimeout taskAnswerTimeout(AccessServiceProperties properties) {
        return new TaskAnswerTimeout(properties.taskAnswerTimeout());
    }

    @Bean
    AccessTokenLifespan accessTokenLifespan(AccessServiceProperties properties) {
        return new AccessTokenLifespan(properties.tokenLifespan());
    }
}
