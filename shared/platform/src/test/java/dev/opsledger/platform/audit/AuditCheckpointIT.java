package dev.opsledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.opsledger.contracts.audit.AuditCheckpoint;
import dev.opsledger.contracts.audit.AuditCheckpointSignatures;
import dev.opsledger.contracts.audit.AuditEntry;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit chain anchored by signed checkpoints on real PostgreSQL and Kafka: a row changed, the
 * newest rows deleted after a checkpoint (even with new entries chained after them), a forged row
 * inserted, and the whole chain recomputed after an edit are each named by {@code /audit/verify};
 * a checkpoint not signed by a verification key is refused and counted. Checkpoints are published
 * on demand here ({@link AuditCheckpointPublisher#publishNow()}); the schedule is an hour.
 */
@SpringBootTest(classes = SampleApplication.class, properties = {
        "spring.main.web-application-type=servlet",
        "opsledger.observability.structured-logs=false",
        "opsledger.audit.checkpoints.interval=1h"})
@ActiveProfiles("platform-sample")
@AutoConfigureMockMvc
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class AuditCheckpointIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final String SERVICE = "automation";

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    AuditCheckpointPublisher publisher;
    @Autowired
    AuditCheckpointProperties properties;
    @Autowired
    AuditCheckpointKeys keys;

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final JsonMapper json = JsonMapper.builder().build();
    private long tamperedFrom = Long.MAX_VALUE;

    @AfterEach
    void rebuildTheTrailFromTheFirstTamperedRow() throws Exception {
        // Every test of the class shares the database: replaying the audit-log group from the start
        // rewrites the removed rows exactly as they were (AuditLogIT shows it), chained as before.
        if (tamperedFrom == Long.MAX_VALUE) {
            return;
        }
        jdbc.sql("DELETE FROM audit_log WHERE global_index >= ?").param(tamperedFrom).update();
        TrackingEventProcessor processor = eventProcessing
                .eventProcessor(AuditLogProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(ASYNC).until(() -> count("audit_log") == count("domain_event_entry"));
        assertThat(verify().path("valid").asBoolean()).isTrue();
    }

    @Test
    void givenACheckpoint_whenTheNewestRowsAreDeleted_thenVerifyNamesTheFirstMissing_andNothingIsSignedOverTheGap()
            throws Exception {
        String taskId = newTaskWithWork(1, 2, 3);
        AuditCheckpoint checkpoint = publisher.publishNow().orElseThrow();
        List<Long> indexes = indexesOf(taskId);
        assertThat(checkpoint.headGlobalIndex()).isEqualTo(indexes.getLast());
        assertThat(verify().path("valid").asBoolean()).isTrue();

        long firstDeleted = indexes.get(3);
        tamperedFrom = firstDeleted;
        jdbc.sql("DELETE FROM audit_log WHERE global_index >= ?").param(firstDeleted).update();

        JsonNode verification = verify();
        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(verification.path("tampering").asString()).isEqualTo("MISSING");
        assertThat(verification.path("firstBrokenGlobalIndex").asLong()).isEqualTo(firstDeleted);
        assertThat(verification.path("reason").asString()).isEqualTo(AuditChainVerifier.CHECKPOINT_HEAD_MISSING);
        assertThat(verification.path("anchor").path("checkpoint").path("headGlobalIndex").asLong())
                .isEqualTo(checkpoint.headGlobalIndex());

        // New events chain onto the shortened trail as if nothing happened; the checkpoint still names the gap,
        // and the publisher refuses to vouch for the shortened chain.
        String later = newTaskWithWork(4);
        assertThat(indexesOf(later).getFirst()).isGreaterThan(checkpoint.headGlobalIndex());
        assertThat(publisher.publishNow()).isEmpty();
        JsonNode afterMore = verify();
        assertThat(afterMore.path("valid").asBoolean()).isFalse();
        assertThat(afterMore.path("tampering").asString()).isEqualTo("MISSING");
        assertThat(afterMore.path("firstBrokenGlobalIndex").asLong()).isEqualTo(firstDeleted);
    }

    @Test
    void givenACheckpoint_whenARowIsChangedInSql_thenVerifyNamesItChanged() throws Exception {
        String taskId = newTaskWithWork(5, 6);
        publisher.publishNow().orElseThrow();
        long changed = indexesOf(taskId).get(1);
        tamperedFrom = changed;

        jdbc.sql("UPDATE audit_log SET actor_name = 'mallory' WHERE global_index = ?").param(changed).update();

        JsonNode verification = verify();
        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(verification.path("tampering").asString()).isEqualTo("CHANGED");
        assertThat(verification.path("firstBrokenGlobalIndex").asLong()).isEqualTo(changed);
        assertThat(verification.path("reason").asString()).isEqualTo(AuditChainVerifier.CONTENT_CHANGED);
    }

    @Test
    void givenACheckpoint_whenARowIsChangedAndEveryHashAfterItRecomputed_thenTheCheckpointsHeadIsNamedChanged()
            throws Exception {
        String taskId = newTaskWithWork(7, 8);
        AuditCheckpoint checkpoint = publisher.publishNow().orElseThrow();
        long changed = indexesOf(taskId).get(1);
        tamperedFrom = changed;

        // Someone who knows the hash rule edits a row and recomputes the chain after it: the chain alone verifies.
        jdbc.sql("UPDATE audit_log SET actor_name = 'mallory' WHERE global_index = ?").param(changed).update();
        rechainFrom(changed);

        JsonNode verification = verify();
        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(verification.path("tampering").asString()).isEqualTo("CHANGED");
        assertThat(verification.path("firstBrokenGlobalIndex").asLong()).isEqualTo(checkpoint.headGlobalIndex());
        assertThat(verification.path("reason").asString()).isEqualTo(AuditChainVerifier.CHECKPOINT_HEAD_CHANGED);
    }

    @Test
    void givenACheckpoint_whenAForgedRowIsInsertedAndChainedCorrectly_thenVerifyNamesItInserted() throws Exception {
        String taskId = newTaskWithWork(9);
        publisher.publishNow().orElseThrow();
        AuditEntry head = entry(indexesOf(taskId).getLast());
        long forgedIndex = head.globalIndex() + 1_000;
        tamperedFrom = forgedIndex;

        AuditEntry forged = AuditHashChain.linked(new AuditEntry(null, forgedIndex, UUID.randomUUID().toString(),
                Instant.now(), "u-admin", "admin1", "SampleTask", taskId, 99L, "SampleWorkRecorded",
                "{\"taskId\":\"" + taskId + "\",\"amount\":1000000}", null, null, null, null), head.hash());
        new AuditLogRepository(jdbc).insert(forged);

        JsonNode verification = verify();
        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(verification.path("tampering").asString()).isEqualTo("INSERTED");
        assertThat(verification.path("firstBrokenGlobalIndex").asLong()).isEqualTo(forgedIndex);
        assertThat(verification.path("reason").asString()).isEqualTo(AuditChainVerifier.NOT_AN_EVENT);
        assertThat(publisher.publishNow()).as("nothing signed over a forged row").isEmpty();
    }

    @Test
    void givenCheckpointsNotSignedByAVerificationKey_whenRead_thenRefusedAndCounted_andTheAuthenticOneStaysTheAnchor(
            KafkaBroker kafka) throws Exception {
        newTaskWithWork(10);
        AuditCheckpoint authentic = publisher.publishNow().orElseThrow();
        long rejectedBefore = verify().path("anchor").path("rejectedCheckpoints").asLong();

        // Claims a longer chain: if it were believed, the real trail would look truncated.
        AuditCheckpoint claim = AuditCheckpoint.unsigned(SERVICE, authentic.headGlobalIndex() + 50, "f".repeat(64),
                authentic.entries() + 50, Instant.now());
        AuditCheckpoint byAnotherKey = AuditCheckpointSignatures.sign(claim,
                AuditCheckpointSignatures.privateKey(AuditCheckpointSignatures.generate().privateKey()), keys.signingKeyId());
        AuditCheckpoint signatureOfAnother = new AuditCheckpoint(SERVICE, claim.headGlobalIndex(), claim.headHash(),
                claim.entries(), claim.time(), authentic.keyId(), authentic.signature());
        send(kafka, json.writeValueAsBytes(byAnotherKey));
        send(kafka, json.writeValueAsBytes(signatureOfAnother));
        send(kafka, json.writeValueAsBytes(claim));
        send(kafka, "not a checkpoint".getBytes(StandardCharsets.UTF_8));

        JsonNode verification = verify();
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("anchor").path("checkpoint").path("headGlobalIndex").asLong())
                .isEqualTo(authentic.headGlobalIndex());
        assertThat(verification.path("anchor").path("rejectedCheckpoints").asLong()).isEqualTo(rejectedBefore + 4);
    }

    @Test
    void givenAnUnchangedHead_whenPublishedAgain_thenNothingNewIsSigned() {
        newTaskWithWork(11);
        assertThat(publisher.publishNow()).isPresent();
        assertThat(publisher.publishNow()).isEmpty();
    }

    private void send(KafkaBroker kafka, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(properties.topic(), SERVICE, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private void rechainFrom(long globalIndex) {
        AuditLogRepository repository = new AuditLogRepository(jdbc);
        String previous = repository.hashBefore(globalIndex).orElse(AuditHashChain.GENESIS);
        List<AuditEntry> rest = new ArrayList<>();
        repository.walkInChainOrder(globalIndex - 1, rest::add);
        for (AuditEntry entry : rest) {
            AuditEntry relinked = AuditHashChain.linked(entry, previous);
            jdbc.sql("UPDATE audit_log SET previous_hash = ?, hash = ? WHERE global_index = ?")
                    .params(relinked.previousHash(), relinked.hash(), entry.globalIndex()).update();
            previous = relinked.hash();
        }
    }

    private JsonNode verify() throws Exception {
        String body = mvc.perform(get("/audit/verify")
                        .header(HttpHeaders.AUTHORIZATION, issuer.bearer("audit1", Set.of("auditor"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private AuditEntry entry(long globalIndex) {
        return new AuditLogRepository(jdbc).entryAt(globalIndex).orElseThrow();
    }

    private List<Long> indexesOf(String taskId) {
        return jdbc.sql("SELECT global_index FROM audit_log WHERE aggregate_id = ? ORDER BY global_index")
                .param(taskId).query(Long.class).list();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Opens a task, waits for the saga's acknowledgement, records work, and waits until the trail holds all of it. */
    private String newTaskWithWork(int... amounts) {
        String taskId = "task-" + UUID.randomUUID();
        Map<String, Object> metaData = Map.of(MetadataKeys.ACTOR_ID, "u-alice", MetadataKeys.ACTOR_NAME, "alice");
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new OpenSampleTask(taskId, 100))
                .andMetaData(metaData));
        await().atMost(ASYNC).until(() -> indexesOf(taskId).size() == 2);
        for (int amount : amounts) {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordSampleWork(taskId, amount))
                    .andMetaData(metaData));
        }
        await().atMost(ASYNC).until(() -> indexesOf(taskId).size() == 2 + amounts.length);
        return taskId;
    }
}
