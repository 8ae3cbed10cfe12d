package dev.opsledger.backup.config;

import dev.opsledger.backup.driver.RepositoryCleaner;
import dev.opsledger.backup.restore.persistence.RestorePins;
import dev.opsledger.backup.run.persistence.ActiveRunClaims;
import dev.opsledger.platform.axon.ProcessingGroups;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service's own wiring; everything generic comes from the platform's auto-configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
@EnableScheduling
@OpenAPIDefinition(
        info = @Info(title = "OpsLedger backup-service", version = "1",
                description = "Backup targets and policies, backups taken with pg_dump and tar.gz, verified by test "
                        + "restores, restores with approval, and the sufficiency report."))
public class BackupServiceConfiguration {

    /** A target's run claim is freed with the event that ends the run, or not at all. */
    @Bean
    ConfigurerModule activeRunClaimsInTheEventsTransaction() {
        return ProcessingGroups.subscribingInTheEventsTransaction(ActiveRunClaims.PROCESSING_GROUP);
    }

    /** A file that could not be removed is retried, never skipped. */
    @Bean
    ConfigurerModule repositoryCleanerRetrying() {
        return ProcessingGroups.retryingOnError(RepositoryCleaner.PROCESSING_GROUP);
    }

    /** A restore's pin on its run appears and disappears with the restore's own events. */
    @Bean
    ConfigurerModule restorePinsInTheEventsTransaction() {
        return ProcessingGroups.subscribingInTheEventsTransaction(RestorePins.PROCESSING_GROUP);
    }
}
