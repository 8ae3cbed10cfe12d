package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.contracts.OpsLedgerService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The secured broker of the devstack: SCRAM logins, and the ACLs of {@link KafkaAccessControl} applied by the
 * super user. The receiving services' side (a forged request changes nothing) is proven in the platform's
 * {@code KafkaAccessControlIT}.
 */
class SecuredKafkaIT {

    private static final Map<String, String> PASSWORDS = KafkaAccessControl.principals().stream()
            .collect(Collectors.toMap(Function.identity(), principal -> KafkaAccessControl.newPassword()));
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() {
        broker = EmbeddedKafkaBroker.startSecured(KafkaAccessControl.newPassword());
        try (var admin = broker.admin()) {
            KafkaAccessControl.apply(admin, PASSWORDS);
            // Applying again is what every devstack start does: nothing is duplicated or lost.
            KafkaAccessControl.apply(admin, PASSWORDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void givenAppliedDeclaration_whenAclsListed_thenExactlyTheDerivedOnesExist() throws Exception {
        try (var admin = broker.admin()) {
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(KafkaAccessControl.acls());
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(KafkaAccessControl.topics());
        }
    }

    @Test
    void givenNoCredentials_whenProducing_thenTheBrokerRefusesTheConnection() {
        Map<String, Object> plain = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());

        assertThatThrownBy(() -> send(plain, OpsLedgerService.AUTOMATION.requestsTopic()))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    @Test
    void givenWrongPassword_whenProducing_thenAuthenticationFails() {
        Map<String, Object> wrong = client("release-service", KafkaAccessControl.newPassword());

        assertThatThrownBy(() -> send(wrong, OpsLedgerService.RELEASE.eventsTopic()))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void givenReleasePrincipal_whenWritingItsOwnTopicsAndThoseItSendsTo_thenAccepted() throws Exception {
        Map<String, Object> release = client("release-service");

        send(release, OpsLedgerService.RELEASE.eventsTopic());
        send(release, OpsLedgerService.RELEASE.deadLetterTopic());
        send(release, OpsLedgerService.BACKUP.requestsTopic());
        send(release, OpsLedgerService.AUTOMATION.requestsTopic());
    }

    @Test
    void givenServicePrincipal_whenWritingAnotherServicesEventsOrARequestTopicItDoesNotSendTo_thenRefused() {
        Map<String, Object> access = client("access-service");

        // access-service may send automation's run-task requests (ADR 017); not backup's, nor write release's events.
        for (String topic : List.of(OpsLedgerService.RELEASE.eventsTopic(), OpsLedgerService.BACKUP.requestsTopic(),
                OpsLedgerService.ACCESS.requestsTopic())) {
            assertThatThrownBy(() -> send(access, topic)).as(topic)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void givenReader_whenWritingAnyTopic_thenRefused() {
        Map<String, Object> idempotent = client(KafkaAccessControl.READER);
        // Without idempotence the producer skips the producer-id step and asks for the topic itself.
        Map<String, Object> plainProducer = new HashMap<>(idempotent);
        plainProducer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        plainProducer.put(ProducerConfig.ACKS_CONFIG, "1");

        for (String topic : KafkaAccessControl.topics()) {
            // Refused at the producer id (no WRITE anywhere) or at the topic's metadata (no DESCRIBE).
            assertThatThrownBy(() -> send(idempotent, topic)).as(topic)
                    .hasCauseInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> send(plainProducer, topic)).as(topic)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void givenReader_whenReadingEventsInItsOwnGroup_thenItSeesThem_andAServicesGroupIsRefused() throws Exception {
        String key = "k-" + UUID.randomUUID();
        send(client("backup-service"), OpsLedgerService.BACKUP.eventsTopic(), key);

        assertThat(poll(KafkaAccessControl.READER_GROUP_PREFIX + "test-" + UUID.randomUUID(),
                OpsLedgerService.BACKUP.eventsTopic())).contains(key);
        assertThatThrownBy(() -> poll("opsledger-backup-requests", OpsLedgerService.BACKUP.requestsTopic()))
                .isInstanceOfAny(TopicAuthorizationException.class, GroupAuthorizationException.class);
        assertThatThrownBy(() -> poll("opsledger-release-answers", OpsLedgerService.BACKUP.eventsTopic()))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    private static List<String> poll(String group, String topic) {
        Map<String, Object> config = new HashMap<>(client(KafkaAccessControl.READER));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return java.util.stream.StreamSupport.stream(records.spliterator(), false).map(r -> r.key()).toList();
                }
            }
            return List.of();
        }
    }

    private static Map<String, Object> client(String principal) {
        return client(principal, PASSWORDS.get(principal));
    }

    private static Map<String, Object> client(String principal, String password) {
        Map<String, Object> config = new HashMap<>(KafkaAccessControl.clientProperties(principal, password));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return config;
    }

    private static void send(Map<String, Object> client, String topic) throws Exception {
        send(client, topic, "k");
    }

    private static void send(Map<String, Object> client, String topic, String key) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (var producer = new KafkaProducer<String, String>(config)) {
            producer.send(new ProducerRecord<>(topic, key, "{}")).get(30, TimeUnit.SECONDS);
        }
    }
}
