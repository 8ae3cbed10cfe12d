package dev.opsledger.platform.audit;

import javax.sql.DataSource;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.opsledger.platform.axon.OpsLedgerServiceProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of a service: the {@value AuditLogProjection#PROCESSING_GROUP} projection over
 * all its events, and {@code GET /audit}, {@code GET /audit/verify}. The table comes from the
 * platform migration {@code V2__audit_log.sql}; the signed checkpoints verify checks against come
 * from {@link AuditCheckpointAutoConfiguration} where the service is on Kafka.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({EventStore.class, JdbcClient.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "opsledger.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({AuditProperties.class, OpsLedgerServiceProperties.class})
public class AuditLogAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditLogRepository auditLogRepository(DataSource dataSource) {
        return new AuditLogRepository(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    AuditChainVerifier auditChainVerifier(AuditLogRepository repository,
            ObjectProvider<AuditCheckpointSource> checkpoints) {
        // Checkpoints exist where the service is on Kafka (AuditCheckpointAutoConfiguration).
        return new AuditChainVerifier(repository, checkpoints.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    AuditLogProjection auditLogProjection(AuditLogRepository repository, ObjectProvider<JsonMapper> jsonMapper,
            AuditProperties properties) {
        return new AuditLogProjection(repository, jsonMapper.getIfAvailable(JsonMapper::shared),
                properties.summaryMaxLength());
    }

    /**
     * One segment, one thread, from the first event: the hash chain needs every event in global
     * order through a single writer (see {@link AuditLogProjection}). Registered by name so it
     * wins over whatever default processor type the service configures.
     */
    @Bean
    ConfigurerModule auditLogProcessorConfigurer() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(
                AuditLogProjection.PROCESSING_GROUP,
                configuration -> configuration.eventStore(),
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class AuditWebConfiguration {

        @Bean
        @ConditionalOnMissingBean
        AuditLogController auditLogController(AuditLogRepository repository, AuditChainVerifier verifier,
                ObjectProvider<OpsLedgerServiceProperties> service, Environment environment) {
            // opsledger.service.name (shared with the Kafka bridge) names the entries' service; an
            // application that is not one of the four services falls back to its Spring name.
            OpsLedgerServiceProperties properties = service.getIfAvailable();
            String serviceName = properties != null && properties.name() != null
                    ? properties.name().id()
                    : environment.getProperty("spring.application.name", "unknown");
            return new AuditLogController(repository, verifier, serviceName);
        }
    }
}
