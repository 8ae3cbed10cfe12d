package dev.opsledger.release.config;

import dev.opsledger.platform.axon.ProcessingGroups;
import dev.opsledger.release.promotion.persistence.ActivePromotionClaims;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own wiring; everything generic comes from the platform's auto-configuration. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "OpsLedger release-service", version = "1",
                description = "Applications and their lifecycles, releases, promotions through environments with "
                        + "approvals, deployment windows and freezes, the environment board and the deployment ledger."))
public class ReleaseServiceConfiguration {

    /**
     * Frees an environment claim in the transaction of the event that ends the promotion, so a
     * failed release rolls the command back instead of leaving the environment claimed forever.
     */
    @Bean
    ConfigurerModule activePromotionClaimsInTheEventsTransaction() {
        return ProcessingGroups.subscribingInTheEventsTransaction(ActivePromotionClaims.PROCESSING_GROUP);
    }
}
