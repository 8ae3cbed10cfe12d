package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.axon.AxonPlatformAutoConfiguration;
import dev.opsledger.platform.axon.OpsLedgerServiceProperties;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's side of Kafka: public events out (CloudEvents on {@code opsledger.<service>.events}),
 * requests in ({@code opsledger.<service>.requests}), each answered, failed ones parked on
 * {@code opsledger.<service>.requests.dlt}; the three topics are created when missing. Active
 * once the service says who it is ({@code opsledger.service.name}).
 *
 * <p>Producer and consumer are built here from Spring's {@code spring.kafka.*} connection
 * settings, with the delivery settings forced: a service's tuning of Boot's default template
 * must not weaken the publisher ({@code acks=all}, idempotence) or the inbox (manual commits).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, AxonPlatformAutoConfiguration.class},
        before = AxonAutoConfiguration.class)
@ConditionalOnProperty(prefix = "opsledger.service", name = "name")
@ConditionalOnBooleanProperty(name = "opsledger.kafka.enabled", matchIfMissing = true)
@ConditionalOnBean({KafkaProperties.class, DataSource.class})
@EnableConfigurationProperties({KafkaBridgeProperties.class, OpsLedgerServiceProperties.class})
public class KafkaBridgeAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaBridgeAutoConfiguration.class);

    private final OpsLedgerService service;
    private final KafkaBridgeProperties bridge;

    public KafkaBridgeAutoConfiguration(OpsLedgerServiceProperties service, KafkaBridgeProperties bridge) {
        this.service = service.name();
        this.bridge = bridge;
    }

    @Bean
    public CloudEventMapping cloudEventMapping() {
        // Our own mapper: the public JSON must not change when a service customises Boot's.
        return new CloudEventMapping(service, JsonMapper.builder().build());
    }

    @Bean
    public KafkaAdmin.NewTopics opsledgerTopics() {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(service.eventsTopic()).partitions(bridge.partitions()).build(),
                TopicBuilder.name(service.requestsTopic()).partitions(bridge.partitions()).build(),
                TopicBuilder.name(service.deadLetterTopic()).partitions(bridge.partitions()).build());
    }

    @Bean
    public KafkaTemplate<String, byte[]> integrationEventKafkaTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A transactional id set for Boot's template would make every send need a transaction.
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    public IntegrationEventPublisher integrationEventPublisher(List<IntegrationEventMapper> mappers,
                                                               CloudEventMapping mapping,
                                                               KafkaTemplate<String, byte[]> integrationEventKafkaTemplate) {
        return new IntegrationEventPublisher(mappers, mapping, integrationEventKafkaTemplate,
                service.eventsTopic(), bridge.sendTimeout());
    }

    /**
     * Axon's default for event handler failures is to log and move on, which for the publisher
     * would mean an event silently never reaching Kafka. Propagating puts the processor into
     * its retry mode instead, from the last stored token.
     */
    @Bean
    public ConfigurerModule integrationPublisherErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                IntegrationEventPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /** The requests this service sends (declared by {@link OutgoingRequest} beans), sent durably. */
    @Bean
    public IntegrationRequestSender integrationRequestSender(ObjectProvider<OutgoingRequest<?>> requests,
                                                             CloudEventMapping mapping, SentRequests sentRequests,
                                                             KafkaTemplate<String, byte[]> integrationEventKafkaTemplate) {
        return new IntegrationRequestSender(requests.orderedStream().toList(), mapping, sentRequests,
                integrationEventKafkaTemplate, bridge.sendTimeout());
    }

    /** As for the publisher: a request that did not reach Kafka is retried from the token, never skipped. */
    @Bean
    public ConfigurerModule integrationRequestSenderErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                IntegrationRequestSender.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    public SentRequests sentRequests(DataSource dataSource) {
        return new SentRequests(JdbcClient.create(dataSource));
    }

    /**
     * Answers to this service's requests, read from the answering services' events topics; only when
     * the service declares {@link AnswerHandler}s. Its own consumer group, so other teams' groups and
     * offsets on those topics are untouched.
     */
    @Bean
    @Conditional(FollowsOtherServices.class)
    public ConcurrentMessageListenerContainer<String, byte[]> integrationAnswerListenerContainer(
            KafkaProperties kafkaProperties, ObjectProvider<AnswerHandler<?>> answerHandlers,
            ObjectProvider<ForeignEventHandler<?>> foreignEventHandlers, CloudEventMapping mapping,
            SentRequests sentRequests, ProcessedMessages processedMessages, CommandGateway commandGateway,
            PlatformTransactionManager transactionManager, Environment environment) {
        List<AnswerHandler<?>> handlers = answerHandlers.orderedStream().toList();
        List<ForeignEventHandler<?>> followers = foreignEventHandlers.orderedStream().toList();
        IntegrationAnswerConsumer consumer = new IntegrationAnswerConsumer(service,
                environment.getProperty("spring.application.name", "opsledger"), handlers, followers, mapping,
                sentRequests, processedMessages, commandGateway, new TransactionTemplate(transactionManager));
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // An answer published before our first start (or while we were down) must still arrive.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "opsledger-" + service.id() + "-answers");

        ContainerProperties containerProperties =
                new ContainerProperties(IntegrationAnswerConsumer.topicsOf(handlers, followers).toArray(String[]::new));
        containerProperties.setMessageListener(consumer);
        containerProperties.setAckMode(ContainerProperties.AckMode.RECORD);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), containerProperties);
        container.setBeanName("opsledger-" + service.id() + "-answers");
        // Only an answer that overtook its own request's commit is worth retrying; give it time, then log.
        container.setCommonErrorHandler(new DefaultErrorHandler(
                (record, e) -> log.error("Answer at {}-{}@{} not handled after retries: {}", record.topic(),
                        record.partition(), record.offset(), e.getMessage()),
                new FixedBackOff(bridge.retryBackoff().toMillis(), bridge.requestRetries() * 10L)));
        return container;
    }

    /** The answering services' topics, so our consumer never waits for a service that has not started yet. */
    @Bean
    @Conditional(FollowsOtherServices.class)
    public KafkaAdmin.NewTopics answeringServiceTopics(ObjectProvider<AnswerHandler<?>> answerHandlers,
                                                       ObjectProvider<ForeignEventHandler<?>> foreignEventHandlers) {
        return new KafkaAdmin.NewTopics(Stream.concat(
                        answerHandlers.orderedStream().map(AnswerHandler::answeringService),
                        foreignEventHandlers.orderedStream().map(ForeignEventHandler::publisher)).distinct()
                .flatMap(answering -> Stream.of(answering.eventsTopic(), answering.requestsTopic()))
                .map(topic -> TopicBuilder.name(topic).partitions(bridge.partitions()).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    public ProcessedMessages processedMessages(DataSource dataSource) {
        return new ProcessedMessages(JdbcClient.create(dataSource));
    }

    /** Stores the rejected and failed answers, and maps them for the publisher like any other mapper. */
    @Bean
    public RequestRefusals requestRefusals(EventBus eventBus) {
        return new RequestRefusals(eventBus);
    }

    @Bean
    public IntegrationRequestConsumer integrationRequestConsumer(ObjectProvider<IntegrationRequestHandler<?>> handlers,
                                                                CloudEventMapping mapping,
                                                                ProcessedMessages processedMessages,
                                                                RequestRefusals requestRefusals,
                                                                CommandGateway commandGateway,
                                                                PlatformTransactionManager transactionManager) {
        return new IntegrationRequestConsumer(service, handlers.orderedStream().toList(), mapping, processedMessages,
                requestRefusals, commandGateway, new TransactionTemplate(transactionManager));
    }

    @Bean
    public RequestFailureRecoverer requestFailureRecoverer(CloudEventMapping mapping,
                                                           ProcessedMessages processedMessages,
                                                           RequestRefusals requestRefusals,
                                                           PlatformTransactionManager transactionManager,
                                                           KafkaTemplate<String, byte[]> integrationEventKafkaTemplate) {
        return new RequestFailureRecoverer(mapping, processedMessages, requestRefusals,
                new TransactionTemplate(transactionManager), integrationEventKafkaTemplate, service.deadLetterTopic());
    }

    @Bean
    public ConcurrentMessageListenerContainer<String, byte[]> integrationRequestListenerContainer(
            KafkaProperties kafkaProperties, IntegrationRequestConsumer consumer, RequestFailureRecoverer recoverer) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A request sent before the service's first start must still be handled.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "opsledger-" + service.id() + "-requests");

        ContainerProperties containerProperties = new ContainerProperties(service.requestsTopic());
        containerProperties.setMessageListener(consumer);
        // Commit each offset only after its command's transaction committed.
        containerProperties.setAckMode(ContainerProperties.AckMode.RECORD);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), containerProperties);
        container.setBeanName("opsledger-" + service.id() + "-requests");
        container.setCommonErrorHandler(requestErrorHandler(recoverer));
        return container;
    }

    /** Active when the service sends requests (their answers) or follows another service's events. */
    static class FollowsOtherServices extends AnyNestedCondition {

        FollowsOtherServices() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(AnswerHandler.class)
        static class Answers {
        }

        @ConditionalOnBean(ForeignEventHandler.class)
        static class ForeignEvents {
        }
    }

    /**
     * Retries a failing request, then hands it to the recoverer (failure answer, dead letter).
     * A {@link BusinessRuleViolation} is not retried: the aggregate decides from its stored state,
     * so the same command is refused again, and answering at once lets the requester's saga move on
     * instead of waiting out the back-off (or its own deadline). An unreadable record stays
     * unreadable, and a request from a source not allowed to send it stays so. Everything else (a lock, a database or broker hiccup) may pass on a later attempt.
     */
    DefaultErrorHandler requestErrorHandler(RequestFailureRecoverer recoverer) {
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(bridge.retryBackoff().toMillis(), bridge.requestRetries()));
        errorHandler.addNotRetryableExceptions(BusinessRuleViolation.class, RequestNotReadable.class,
                RequestFromUnauthorizedSource.class);
        return errorHandler;
    }
}
