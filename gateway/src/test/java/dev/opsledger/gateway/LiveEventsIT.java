package dev.opsledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.opsledger.contracts.Topics;
import dev.opsledger.gateway.support.GatewayClient;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;

/** {@code /api/events} fed by real Kafka topics: each caller sees the events of the services it may read, and only those. */
@WithKafka
@WithLocalJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.keycloak.client-secret=test-only-secret",
        "opsledger.gateway.services.backup.enabled=true",
        "opsledger.gateway.services.backup.uri=http://127.0.0.1:9"})
class LiveEventsIT {

    @LocalServerPort
    int port;

    @Test
    void givenDeveloperAndAuditorStreams_whenReleaseAndBackupEventsPublished_thenEachSeesOnlyWhatItMayRead(
            KafkaBroker kafka, LocalJwtIssuer issuer) throws Exception {
        kafka.createTopics(Topics.RELEASE_EVENTS, Topics.BACKUP_EVENTS);
        List<String> developer = stream(issuer.bearer("dev1", Set.of("developer")));
        List<String> auditor = stream(issuer.bearer("audit1", Set.of("auditor")));
        String run = UUID.randomUUID().toString();

        try (var producer = producer(kafka)) {
            // The gateway's consumer joins at the newest offset: publish until it is listening.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                send(producer, Topics.BACKUP_EVENTS, "dev.opsledger.backup.backup-succeeded.v1", "backup-" + run);
                send(producer, Topics.RELEASE_EVENTS, "dev.opsledger.release.promotion-deployed.v1", "release-" + run);
                return contains(developer, "release-" + run) && contains(auditor, "release-" + run)
                        && contains(auditor, "backup-" + run);
            });
        }

        assertThat(developer).contains("event:release").doesNotContain("event:backup");
        assertThat(developer).noneMatch(line -> line.contains("backup-" + run));
        assertThat(developer).anyMatch(line -> line.startsWith("data:") && line.contains("\"service\":\"release\"")
                && line.contains("\"type\":\"dev.opsledger.release.promotion-deployed.v1\"") && !line.contains("payload"));
        assertThat(auditor).contains("event:backup", "event:release");
    }

    @Test
    void givenNoCredentials_whenEventsRequested_then401ProblemNamingTheLogin() {
        var response = new GatewayClient(port).get("/api/events", "Accept", "text/event-stream");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(GatewayClient.json(response).get("login").asString()).isEqualTo("/oauth2/authorization/keycloak");
    }

    @Test
    void givenAStreamOpenedWithAShortLivedToken_whenTheTokenExpires_thenTheGatewayEndsTheStream(
            LocalJwtIssuer issuer) {
        // A JWT's exp has whole seconds.
        Instant expiry = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        String token = issuer.token(claims -> claims.subject(LocalJwtIssuer.subjectOf("dev1"))
                .claim("preferred_username", "dev1")
                .claim("realm_access", Map.of("roles", List.of("developer")))
                .expirationTime(Date.from(expiry)));
        List<String> lines = stream("Bearer " + token);

        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains(GatewayClient.STREAM_END));
        assertThat(Instant.now()).isAfterOrEqualTo(expiry);
    }

    private List<String> stream(String bearer) {
        List<String> lines = new GatewayClient(port).openStream("/api/events", "Authorization", bearer);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.startsWith(":streaming")));
        assertThat(lines.getFirst()).isEqualTo("status:200");
        return lines;
    }

    private static boolean contains(List<String> lines, String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String type, String subject) throws Exception {
        String cloudEvent = """
                {"specversion":"1.0","id":"%s","source":"/opsledger/test","type":"%s","subject":"%s",
                 "time":"2026-11-30T08:00:00Z","datacontenttype":"application/json","data":{"payload":"secret"}}"""
                .formatted(UUID.randomUUID(), type, subject);
        producer.send(new ProducerRecord<>(topic, subject, cloudEvent.getBytes(StandardCharsets.UTF_8))).get();
    }
}
