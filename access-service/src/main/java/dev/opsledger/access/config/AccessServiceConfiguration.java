package dev.opsledger.access.config;

import dev.opsledger.access.grant.api.AccessTokenLifespan;
import dev.opsledger.access.grant.persistence.ActiveGrantClaims;
import dev.opsledger.platform.axon.ProcessingGroups;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own wiring; everything generic comes from the platform's auto-configuration. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "OpsLedger access-service", version = "1",
                description = "Resources, access requests with approvals, grants provisioned in Keycloak until they "
                        + "expire or are revoked, break-glass access, and who had access at any moment. "
                        + "Errors are RFC 9457 problem details with a stable `code`."),
        security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(name = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A Keycloak access token of the opsledger realm; realm roles decide what the caller may do.")
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
    AccessTokenLifespan accessTokenLifespan(AccessServiceProperties properties) {
        return new AccessTokenLifespan(properties.tokenLifespan());
    }
}
