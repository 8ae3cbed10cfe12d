package dev.opsledger.platform.axon;

import java.time.Duration;
import javax.sql.DataSource;
import dev.opsledger.platform.metadata.CorrelationChains;
import dev.opsledger.platform.web.Commands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonJobRunrAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.spring.autoconfigure.JobRunrAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon Framework on the service's PostgreSQL, without Axon Server. Runs before Axon's own
 * auto-configurations because on Boot 4 several of them silently pick the wrong thing: their
 * ordering hints name Boot 3 classes, so the transaction manager falls back to "no transactions"
 * and the JobRunr deadline manager loses to the in-memory {@code SimpleDeadlineManager}.
 * Every bean here backs off when a service defines its own.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                JobRunrAutoConfiguration.class},
        before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class, TransactionAutoConfiguration.class,
                NoOpTransactionAutoConfiguration.class, AxonJobRunrAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({OpsLedgerServiceProperties.class, ProcessorSegmentsProperties.class})
public class AxonPlatformAutoConfiguration {

    /**
     * Events a tracking processor may handle in one transaction (Axon's default is 1). A processor
     * takes only what is already stored, up to this many, so an idle service still handles each event
     * at once; under load one commit and one token update serve the whole batch instead of one per
     * event per processor. Measured in benchmarks P1 (commits per stored event and throughput against
     * the same run's batch size 1). A failure rolls the batch back and retries it from the stored token.
     * {@code opsledger.axon.processor-batch-size} overrides it.
     */
    public static final int PROCESSOR_BATCH_SIZE = 50;

    /** Prefixes of the classes Jackson may instantiate from a type name stored in a token or saga. */
    public static final String[] TRUSTED_TYPE_PREFIXES = {"org.axonframework.", "dev.opsledger."};

    /** JobRunr's key for how often its background server looks for due jobs (every instance uses the same). */
    static final String POLL_INTERVAL_PROPERTY = "jobrunr.background-job-server.poll-interval-in-seconds";
    /** JobRunr's own default for {@link #POLL_INTERVAL_PROPERTY}. */
    static final long DEFAULT_POLL_INTERVAL_SECONDS = 15;

    @Bean
    @ConditionalOnMissingBean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** Joins the Spring transaction (and the unit of work) so events, tokens and read models commit together. */
    @Bean
    @ConditionalOnMissingBean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    public PersistenceExceptionResolver axonPersistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    /**
     * Only the first {@link Jackson3SerializerCustomizer} in the context is used by Axon, so the
     * platform owns the single one. Without the validator Jackson 3 refuses the polymorphic
     * {@code ReplayToken} in the token store and the first replay breaks the processor.
     */
    @Bean
    @ConditionalOnMissingBean
    public Jackson3SerializerCustomizer axonJackson3SerializerCustomizer() {
        return builder -> {
            BasicPolymorphicTypeValidator.Builder validator = BasicPolymorphicTypeValidator.builder();
            for (String prefix : TRUSTED_TYPE_PREFIXES) {
                validator.allowIfSubType(prefix);
            }
            builder.polymorphicTypeValidator(validator.build());
        };
    }

    @Bean
    @ConditionalOnMissingBean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(AxonSchema.events())
                .dataType(byte[].class)
                .build();
    }

    /** This context's name in {@code token_entry.owner} and among the live instances (see {@link TokenOwner}). */
    @Bean
    @ConditionalOnMissingBean
    public TokenOwner tokenOwner() {
        return TokenOwner.forThisContext();
    }

    /** Tokens in PostgreSQL, claimed under this context's own {@link TokenOwner}. */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenOwner owner) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(AxonSchema.tokens())
                .contentType(byte[].class)
                .nodeId(owner.value())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(AxonSchema.sagas()))
                .serializer(serializer)
                .build();
    }

    /**
     * Deadlines as JobRunr jobs in PostgreSQL: they survive restarts and any instance may fire
     * them, never before they are due ({@link OnTimeDeadlineManager}). Declared as
     * {@link JobRunrDeadlineManager} because JobRunr finds the bean that runs a job by that type.
     */
    @Bean
    @ConditionalOnMissingBean(DeadlineManager.class)
    @ConditionalOnBean(JobScheduler.class)
    public JobRunrDeadlineManager deadlineManager(JobScheduler jobScheduler, Configuration configuration,
                                                  Serializer serializer, TransactionManager transactionManager,
                                                  ObjectProvider<DeadlineManagerSpanFactory> spanFactory,
                                                  @Value("${" + POLL_INTERVAL_PROPERTY + ":"
                                                          + DEFAULT_POLL_INTERVAL_SECONDS + "}")
                                                  long pollIntervalSeconds) {
        JobRunrDeadlineManager.Builder builder = JobRunrDeadlineManager.builder()
                .jobScheduler(jobScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager);
        spanFactory.ifAvailable(builder::spanFactory);
        return new OnTimeDeadlineManager(builder, Duration.ofSeconds(pollIntervalSeconds));
    }

    /** The default of every tracking processor that no property or module configures itself. */
    @Bean
    public ConfigurerModule trackingProcessorDefaults(Environment environment) {
        int batchSize = processorBatchSize(environment);
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize));
    }

    public static int processorBatchSize(Environment environment) {
        return environment.getProperty("opsledger.axon.processor-batch-size", Integer.class, PROCESSOR_BATCH_SIZE);
    }

    /** The read-model processors split across instances ({@code opsledger.axon.segments.*}), checked at start. */
    @Bean
    public SplitProcessingGroups splitProcessingGroups(ProcessorSegmentsProperties properties, Environment environment) {
        return SplitProcessingGroups.of(properties, environment);
    }

    /** N segments and N threads for each split processor (registered by name, so it wins over the default). */
    @Bean
    public ConfigurerModule splitProcessorConfiguration(SplitProcessingGroups groups, Environment environment) {
        return groups.configurerModule(processorBatchSize(environment));
    }

    @Bean
    @ConditionalOnMissingBean
    public ProcessorInstances processorInstances(DataSource dataSource, ProcessorSegmentsProperties properties) {
        return new ProcessorInstances(JdbcClient.create(dataSource), properties.balanceInterval().multipliedBy(3));
    }

    /** Hands segments of the split processors to the other live instances; idle when nothing is split. */
    @Bean
    public SegmentBalancer segmentBalancer(TokenOwner owner, SplitProcessingGroups groups, ProcessorInstances instances,
                                           ObjectProvider<EventProcessingConfiguration> processing,
                                           TokenStore tokenStore, TransactionManager transactionManager,
                                           ProcessorSegmentsProperties properties) {
        return new SegmentBalancer(owner.value(), groups, instances, processing, tokenStore, transactionManager,
                properties.balanceInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    public CorrelationChains correlationChains(EventStore eventStore) {
        return new CorrelationChains(eventStore);
    }

    /** How every controller sends commands (waits for the outcome, answers unknown aggregates 404). */
    @Bean
    @ConditionalOnMissingBean
    public Commands commands(CommandGateway commandGateway, CorrelationChains correlationChains) {
        return new Commands(commandGateway, correlationChains);
    }

    @Bean
    public FlywayConfigurationCustomizer platformFlywayLocations(OpsLedgerServiceProperties service) {
        return new PlatformFlywayLocations(service.name());
    }
}
