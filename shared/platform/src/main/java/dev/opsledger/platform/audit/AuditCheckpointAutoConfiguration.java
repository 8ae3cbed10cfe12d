package dev.opsledger.platform.audit;

import dev.opsledger.contracts.Topics;
import dev.opsledger.platform.axon.OpsLedgerServiceProperties;
import dev.opsledger.platform.kafka.KafkaBridgeAutoConfiguration;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the audit chain on {@value Topics#AUDIT_CHECKPOINTS}: the keys (checked at
 * start-up), the service's view of the topic, which {@code /audit/verify} checks the chain against,
 * and the publisher. Active wherever the Kafka bridge is: a service on Kafka must have its keys.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, KafkaBridgeAutoConfiguration.class},
        before = AuditLogAutoConfiguration.class)
@ConditionalOnProperty(prefix = "opsledger.service", name = "name")
@ConditionalOnBooleanProperty(name = "opsledger.kafka.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "opsledger.audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "opsledger.audit.checkpoints.enabled", matchIfMissing = true)
@ConditionalOnBean({KafkaProperties.class, DataSource.class})
@EnableConfigurationProperties({AuditCheckpointProperties.class, OpsLedgerServiceProperties.class})
public class AuditCheckpointAutoConfiguration {

    @Bean
    AuditCheckpointKeys auditCheckpointKeys(AuditCheckpointProperties properties, Environment environment) {
        // The properties when set (tests, a service's own configuration), else the operator's variables.
        String signingKey = properties.signingKey() != null && !properties.signingKey().isBlank()
                ? properties.signingKey()
                : environment.getProperty(AuditCheckpointKeys.SIGNING_KEY_ENV);
        List<String> verificationKeys = !properties.verificationKeys().isEmpty()
                ? properties.verificationKeys()
                : List.of(environment.getProperty(AuditCheckpointKeys.VERIFICATION_KEYS_ENV, "").split(","));
        return AuditCheckpointKeys.of(signingKey, verificationKeys);
    }

    /**
     * One partition: checkpoints are few, and one order makes "the newest" plain. Never expired:
     * a checkpoint is only worth something while it is still there to compare with.
     */
    @Bean
    KafkaAdmin.NewTopics auditCheckpointTopic(AuditCheckpointProperties properties) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(properties.topic()).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .build());
    }

    @Bean(destroyMethod = "close")
    AuditCheckpointLog auditCheckpointLog(OpsLedgerServiceProperties service, AuditCheckpointKeys keys,
            AuditCheckpointProperties properties, KafkaProperties kafka) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Assigned partitions and explicit offsets: no group, nothing committed, nothing to rebalance.
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumer);
        return new AuditCheckpointLog(service.name().id(), properties.topic(), keys, consumers::createConsumer,
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer)), JsonMapper.builder().build(),
                properties.readBack(), properties.readTimeout());
    }

    @Bean
    AuditCheckpointPublisher auditCheckpointPublisher(OpsLedgerServiceProperties service,
            AuditChainVerifier verifier, AuditCheckpointLog checkpoints, AuditCheckpointKeys keys,
            ObjectProvider<Clock> clock, AuditCheckpointProperties properties) {
        return new AuditCheckpointPublisher(service.name().id(), verifier, checkpoints, keys,
                clock.getIfAvailable(Clock::systemUTC), properties.interval());
    }
}
